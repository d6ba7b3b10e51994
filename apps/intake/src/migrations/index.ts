import { messagingTablesV1 } from '@lotsen/messaging';
import { IntakeInit1763900000100 } from './1763900000100-IntakeInit';

/** In order; never edit one that has landed, add a new one. */
export const intakeMigrations = [messagingTablesV1('intake'), IntakeInit1763900000100];
