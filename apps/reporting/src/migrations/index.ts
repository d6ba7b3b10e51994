import { messagingTablesV1 } from '@lotsen/messaging';
import { staffApiKeysTableV1 } from '@lotsen/platform';
import { ReportingInit1763900000400 } from './1763900000400-ReportingInit';
import { ReportingRollupKeys1763900000410 } from './1763900000410-ReportingRollupKeys';

export const reportingMigrations = [messagingTablesV1('reporting'), staffApiKeysTableV1('reporting'), ReportingInit1763900000400, ReportingRollupKeys1763900000410];
