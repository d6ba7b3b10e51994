import { messagingTablesV1 } from '@lotsen/messaging';
import { WorkspaceSessions1765001000010 } from './1765001000010-WorkspaceSessions';

/** In order; never edit one that has landed, add a new one. The messaging tables carry the live queue's consumer. */
export const workspaceMigrations = [messagingTablesV1('workspace'), WorkspaceSessions1765001000010];
