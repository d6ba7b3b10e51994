import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsEmail, IsIn, IsInt, IsISO8601, IsNumber, IsObject, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength,
  ValidateNested,
} from 'class-validator';
import { CHANNELS, INQUIRY_TYPES } from './vocabulary';

// Payloads carry what a consumer needs, never a pointer into another service's tables.

export class CitizenContact {
  @IsOptional() @IsString() @MaxLength(200) name?: string;
  @IsOptional() @IsEmail() email?: string;
  @IsOptional() @IsString() @MaxLength(40) phone?: string;
  @IsOptional() @IsString() @MaxLength(10) preferredLanguage?: string;
  @IsBoolean() notify: boolean;
  /** How the citizen wants to hear from us when both an e-mail address and a phone number are given. */
  @IsOptional() @IsIn(['email', 'sms']) preferredChannel?: string;
}

export class GeoLocation {
  @IsOptional() @IsString() @MaxLength(300) address?: string;
  @IsOptional() @IsNumber() @Min(-90) @Max(90) lat?: number;
  @IsOptional() @IsNumber() @Min(-180) @Max(180) lon?: number;
}

export class InquiryReceivedPayload {
  @IsUUID() inquiryId: string;
  @IsString() reference: string;
  /**
   * Secret: lets the citizen follow the case. Present only when the citizen gave an e-mail address
   * or phone number, for the receipt's tracking link; the consumer sends it and keeps no copy.
   * Redacted before any event is stored for reporting.
   */
  @IsOptional() @IsString() trackingToken?: string;
  @IsIn(CHANNELS) channel: string;
  @IsOptional() @IsString() subject?: string;
  @IsString() body: string;
  @IsString() language: string;
  @IsBoolean() languageDetected: boolean;
  @IsOptional() @IsString() category?: string;
  @IsOptional() @IsIn(INQUIRY_TYPES) type?: string;
  @IsOptional() @ValidateNested() @Type(() => CitizenContact) citizen?: CitizenContact;
  @IsOptional() @ValidateNested() @Type(() => GeoLocation) location?: GeoLocation;
  @IsBoolean() sensitive: boolean;
  @IsISO8601() receivedAt: string;
  @IsOptional() @IsString() externalId?: string;
  /** Set for phone/visit registrations an agent closed during the contact itself. */
  @IsOptional() @IsBoolean() resolvedAtFirstContact?: boolean;
  @IsOptional() @IsUUID() duplicateOf?: string;
}

export class InquiryMessageAddedPayload {
  @IsUUID() inquiryId: string;
  @IsUUID() messageId: string;
  @IsIn(['citizen', 'staff', 'system']) author: string;
  @IsIn(['public', 'internal']) visibility: string;
  @IsString() body: string;
  @IsOptional() @IsIn(CHANNELS) channel?: string;
}

export class InquiryClassifiedPayload {
  @IsUUID() inquiryId: string;
  @IsString() department: string;
  @IsOptional() @IsString() category?: string;
  @IsIn(INQUIRY_TYPES) type: string;
  @IsBoolean() firstContactResolvable: boolean;
  @IsBoolean() urgent: boolean;
  @IsString() language: string;
  @IsNumber() @Min(0) @Max(1) confidence: number;
  @IsString() modelVersion: string;
}

export class InquiryRoutedPayload {
  @IsUUID() inquiryId: string;
  @IsOptional() @IsString() reference?: string;
  /** Who owns it now: a department code, `kontaktcenter` for first line, or `triage`. */
  @IsString() department: string;
  @IsOptional() @IsString() departmentName?: string;
  @IsOptional() @IsString() category?: string;
  @IsOptional() @IsIn(INQUIRY_TYPES) type?: string;
  @IsIn(['first_line', 'department', 'triage']) queue: string;
  @IsInt() @Min(1) @Max(5) priority: number;
  @IsBoolean() urgent: boolean;
  @IsOptional() @IsISO8601() firstResponseDueAt?: string;
  @IsOptional() @IsISO8601() resolutionDueAt?: string;
  @IsString({ each: true }) reasons: string[];
}

export class InquiryAssignedPayload {
  @IsUUID() inquiryId: string;
  @IsString() agentId: string;
  @IsOptional() @IsString() agentName?: string;
  @IsString() department: string;
}

export class InquiryTransferredPayload {
  @IsUUID() inquiryId: string;
  @IsString() fromDepartment: string;
  @IsString() toDepartment: string;
  @IsOptional() @IsString() toAgentId?: string;
  @IsString() reason: string;
}

export class InquiryReturnedPayload {
  @IsUUID() inquiryId: string;
  @IsString() fromDepartment: string;
  @IsString() reason: string;
}

export class InquiryAnsweredPayload {
  @IsUUID() inquiryId: string;
  @IsOptional() @IsString() reference?: string;
  @IsString() answer: string;
  @IsString() answeredBy: string;
  @IsString() department: string;
  /** True when the contact center answered it itself (first line). */
  @IsBoolean() byContactCenter: boolean;
}

/** The question to the citizen: staff's words, like an answer (notifications sends it). */
export class InquiryCitizenAskedPayload {
  @IsUUID() inquiryId: string;
  @IsOptional() @IsString() reference?: string;
  @IsString() @MinLength(1) @MaxLength(5000) question: string;
  @IsString() askedBy: string;
  @IsString() department: string;
}

/** The characters a department's case number (diarienummer) may hold: "GP 2026/1234", "KS-2026-00042". */
export const CASE_NUMBER_PATTERN = /^[A-Za-z0-9ÅÄÖåäö](?:[A-Za-z0-9ÅÄÖåäö \-\/.:_]{0,38}[A-Za-z0-9ÅÄÖåäö])?$/;

/** The department's own case number for the inquiry; a new one replaces the last (the latest `at` wins). */
export class InquiryCaseNumberRecordedPayload {
  @IsUUID() inquiryId: string;
  @IsString() department: string;
  @IsString() @MinLength(1) @MaxLength(40) @Matches(CASE_NUMBER_PATTERN) caseNumber: string;
  @IsString() recordedBy: string;
  @IsISO8601() at: string;
}

export class InquiryResolvedPayload {
  @IsUUID() inquiryId: string;
  @IsString() department: string;
  @IsOptional() @IsString() category?: string;
  @IsString() resolutionCode: string;
  @IsBoolean() resolvedAtFirstContact: boolean;
  @IsBoolean() byContactCenter: boolean;
  @IsOptional() @IsString() resolvedBy?: string;
}

export class InquiryReopenedPayload {
  @IsUUID() inquiryId: string;
  @IsString() reason: string;
}

export class SlaPayload {
  @IsUUID() inquiryId: string;
  @IsIn(['first_response', 'resolution']) clock: string;
  @IsISO8601() dueAt: string;
  @IsString() department: string;
}

export class NotificationPayload {
  @IsUUID() deliveryId: string;
  @IsOptional() @IsUUID() inquiryId?: string;
  @IsString() trigger: string;
  @IsIn(['email', 'sms']) channel: string;
  @IsOptional() @IsString() language?: string;
  @IsOptional() @IsString() @MaxLength(2000) reason?: string;
  /** Message-ID of a sent e-mail, so intake can thread the citizen's reply (In-Reply-To) back. */
  @IsOptional() @IsString() @MaxLength(500) messageId?: string;
}

export class SurveyAnsweredPayload {
  @IsUUID() surveyId: string;
  @IsUUID() inquiryId: string;
  @IsInt() @Min(1) @Max(5) score: number;
  @IsOptional() @IsString() @MaxLength(4000) comment?: string;
  @IsOptional() @IsString() department?: string;
  @IsOptional() @IsString() channel?: string;
}

export class CallPayload {
  @IsString() callId: string;
  @IsString() queue: string;
  @IsOptional() @IsInt() @Min(0) waitSeconds?: number;
  @IsOptional() @IsString() agentId?: string;
  @IsOptional() @IsISO8601() at?: string;
}

/** The services that hold a copy of an inquiry's personal data and take part in a retention run. */
export const RETENTION_SERVICES = ['intake', 'routing', 'notifications', 'reporting'] as const;
export type RetentionService = (typeof RETENTION_SERVICES)[number];

/** Carries no personal data: each service finds its own copy by the inquiry id. */
export class InquiryRetentionDuePayload {
  @IsUUID() inquiryId: string;
  @IsUUID() runId: string;
  @IsOptional() @IsString() category?: string;
  @IsISO8601() resolvedAt: string;
}

export class InquiryRetentionDonePayload {
  @IsUUID() inquiryId: string;
  @IsUUID() runId: string;
  @IsIn(RETENTION_SERVICES) service: string;
  /** Rows removed or anonymised, for the run's progress report. */
  @IsInt() @Min(0) rows: number;
}

/**
 * The corrected contact data of one inquiry (only the fields that changed). Carries personal data,
 * like inquiry.received: reporting does not record it.
 */
export class InquiryContactRectifiedPayload {
  @IsUUID() inquiryId: string;
  @IsOptional() @IsString() @MaxLength(200) name?: string;
  @IsOptional() @IsEmail() email?: string;
  @IsOptional() @IsString() @MaxLength(40) phone?: string;
}

const CLOCK = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

export class ClosedSpanPayload {
  @Matches(CLOCK) from: string;
  @Matches(CLOCK) to: string;
}

export class OpeningHoursPayload {
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(7) @IsInt({ each: true }) @Min(1, { each: true }) @Max(7, { each: true }) days: number[];
  @Matches(CLOCK) opens: string;
  @Matches(CLOCK) closes: string;
  /** Closed spans inside the day (a lunch closure makes 08–12 and 13–17). */
  @IsOptional() @IsArray() @ArrayMaxSize(10) @ValidateNested({ each: true }) @Type(() => ClosedSpanPayload) breaks?: ClosedSpanPayload[];
}

/** The tenant's business calendar changed (routing owns it): what counts as business time from now on. */
export class TenantCalendarChangedPayload {
  @IsString() @MaxLength(64) timezone: string;
  @ValidateNested() @Type(() => OpeningHoursPayload) hours: OpeningHoursPayload;
  /** Country code of the public holidays that close the offices, or absent/null for none. */
  @IsOptional() @IsString() @MaxLength(2) holidays?: string | null;
}

/** A category of the tenant's catalogue was created or changed (routing owns the catalogue): its names, for reports that show them. */
export class CategoryChangedPayload {
  @Matches(/^[a-z0-9_]{1,64}$/) code: string;
  /** Names per language (sv, en, ar, fi). */
  @IsObject() names: Record<string, string>;
  @IsString() department: string;
  @IsBoolean() active: boolean;
}
