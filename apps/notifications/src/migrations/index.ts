import { auditTrailTableV1 } from '@lotsen/identity';
import { messagingInboxBrinV3, messagingOutboxWithoutNotifyV2, messagingTablesV1 } from '@lotsen/messaging';
import { staffApiKeysTableV1 } from '@lotsen/platform';
import { NotificationsInit1763900000300 } from './1763900000300-NotificationsInit';

export const notificationsMigrations = [messagingTablesV1('notifications'), staffApiKeysTableV1('notifications'), NotificationsInit1763900000300, messagingOutboxWithoutNotifyV2('notifications'), messagingInboxBrinV3('notifications'), auditTrailTableV1('notifications', 1765000700030)];
