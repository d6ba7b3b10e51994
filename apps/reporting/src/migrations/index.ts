import { auditTrailTableV1 } from '@lotsen/identity';
import { messagingInboxBrinV3, messagingOutboxDeadLettersV4, messagingOutboxWithoutNotifyV2, messagingTablesV1 } from '@lotsen/messaging';
import { staffApiKeysTableV1 } from '@lotsen/platform';
import { ReportingInit1763900000400 } from './1763900000400-ReportingInit';
import { ReportingRollupKeys1763900000410 } from './1763900000410-ReportingRollupKeys';
import { ReportingDirtyMarkedAt1763900000420 } from './1763900000420-ReportingDirtyMarkedAt';

export const reportingMigrations = [messagingTablesV1('reporting'), staffApiKeysTableV1('reporting'), ReportingInit1763900000400, ReportingRollupKeys1763900000410, ReportingDirtyMarkedAt1763900000420, messagingOutboxWithoutNotifyV2('reporting'), messagingInboxBrinV3('reporting'), messagingOutboxDeadLettersV4('reporting'), auditTrailTableV1('reporting', 1765000700040)];
