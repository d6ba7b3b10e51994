import { auditTrailTableV1 } from '@lotsen/identity';
import { messagingInboxBrinV3, messagingOutboxDeadLettersV4, messagingOutboxWithoutNotifyV2, messagingTablesV1 } from '@lotsen/messaging';
import { staffApiKeysTableV1 } from '@lotsen/platform';
import { NotificationsInit1763900000300 } from './1763900000300-NotificationsInit';
import { NotificationsSuppressionScope1765000400020 } from './1765000400020-NotificationsSuppressionScope';
import { NotificationsTokensAndAbuseLimits1765000300020 } from './1765000300020-NotificationsTokensAndAbuseLimits';

export const notificationsMigrations = [messagingTablesV1('notifications'), staffApiKeysTableV1('notifications'), NotificationsInit1763900000300, messagingOutboxWithoutNotifyV2('notifications'), messagingInboxBrinV3('notifications'), NotificationsSuppressionScope1765000400020, messagingOutboxDeadLettersV4('notifications'), NotificationsTokensAndAbuseLimits1765000300020, auditTrailTableV1('notifications', 1765000700030)];
