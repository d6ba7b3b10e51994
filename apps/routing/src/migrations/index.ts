import { auditTrailTableV1 } from '@lotsen/identity';
import { messagingInboxBrinV3, messagingOutboxDeadLettersV4, messagingOutboxWithoutNotifyV2, messagingTablesV1 } from '@lotsen/messaging';
import { staffApiKeysTableV1 } from '@lotsen/platform';
import { RoutingAwaitingCitizen1765001200110 } from './1765001200110-RoutingAwaitingCitizen';
import { RoutingAnswerRequests1765001200210 } from './1765001200210-RoutingAnswerRequests';
import { RoutingCaseNumber1765001300110 } from './1765001300110-RoutingCaseNumber';
import { RoutingOpenItemIndexes1765001300120 } from './1765001300120-RoutingOpenItemIndexes';
import { RoutingRetention1765000900100 } from './1765000900100-RoutingRetention';
import { RoutingInit1763900000200 } from './1763900000200-RoutingInit';
import { RoutingOverflowIndex1763900000210 } from './1763900000210-RoutingOverflowIndex';
import { RoutingKnowledgeDrafts1765000400010 } from './1765000400010-RoutingKnowledgeDrafts';
import { RoutingTrainingLabels1765000600010 } from './1765000600010-RoutingTrainingLabels';

export const routingMigrations = [messagingTablesV1('routing'), staffApiKeysTableV1('routing'), RoutingInit1763900000200, RoutingOverflowIndex1763900000210, messagingOutboxWithoutNotifyV2('routing'), messagingInboxBrinV3('routing'), RoutingKnowledgeDrafts1765000400010, messagingOutboxDeadLettersV4('routing'), RoutingRetention1765000900100, auditTrailTableV1('routing', 1765000700020), RoutingTrainingLabels1765000600010, RoutingAwaitingCitizen1765001200110, RoutingAnswerRequests1765001200210, RoutingCaseNumber1765001300110, RoutingOpenItemIndexes1765001300120];
