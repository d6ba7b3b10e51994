import { auditTrailTableV1 } from '@lotsen/identity';
import { messagingInboxBrinV3, messagingOutboxDeadLettersV4, messagingOutboxWithoutNotifyV2, messagingTablesV1 } from '@lotsen/messaging';
import { IntakeInit1763900000100 } from './1763900000100-IntakeInit';
import { IntakeDataSubjectRequests1765000900110 } from './1765000900110-IntakeDataSubjectRequests';
import { IntakeChannels1763900000120 } from './1763900000120-IntakeChannels';
import { IntakeAudit1763900000130 } from './1763900000130-IntakeAudit';
import { IntakeStatusUpdatesInPlace1763900000140 } from './1763900000140-IntakeStatusUpdatesInPlace';
import { IntakeServicePublic1765000100010 } from './1765000100010-IntakeServicePublic';
import { IntakeEmailRegister1765000200010 } from './1765000200010-IntakeEmailRegister';
import { IntakeIdempotencyPerApiKey1765000300010 } from './1765000300010-IntakeIdempotencyPerApiKey';
import { IntakeKeySubjects1765000700011 } from './1765000700011-IntakeKeySubjects';
import { IntakeRegister1765001100010 } from './1765001100010-IntakeRegister';
import { IntakeRetentionIndexes1765001100020 } from './1765001100020-IntakeRetentionIndexes';
import { IntakeRectificationRequests1765001200010 } from './1765001200010-IntakeRectificationRequests';
import { IntakeCaseNumber1765001300010 } from './1765001300010-IntakeCaseNumber';
import { IntakeContactSearchIndexes1765001300020 } from './1765001300020-IntakeContactSearchIndexes';

/** In order; never edit one that has landed, add a new one. */
export const intakeMigrations = [messagingTablesV1('intake'), IntakeInit1763900000100, IntakeChannels1763900000120, IntakeAudit1763900000130, IntakeStatusUpdatesInPlace1763900000140, messagingOutboxWithoutNotifyV2('intake'), messagingInboxBrinV3('intake'), IntakeEmailRegister1765000200010, messagingOutboxDeadLettersV4('intake'), IntakeDataSubjectRequests1765000900110, IntakeIdempotencyPerApiKey1765000300010, IntakeServicePublic1765000100010, auditTrailTableV1('intake', 1765000700010), IntakeKeySubjects1765000700011, IntakeRegister1765001100010, IntakeRetentionIndexes1765001100020, IntakeRectificationRequests1765001200010, IntakeCaseNumber1765001300010, IntakeContactSearchIndexes1765001300020];
