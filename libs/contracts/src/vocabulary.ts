/** Words shared by every service's API and events. */
export const CHANNELS = ['web', 'email', 'phone', 'letter', 'visit', 'social', 'chat'] as const;
export type Channel = (typeof CHANNELS)[number];

export const INQUIRY_TYPES = ['information', 'fault_report', 'complaint', 'praise', 'proposal', 'case_request'] as const;
export type InquiryType = (typeof INQUIRY_TYPES)[number];

/** Languages the platform detects and answers in; others may be given explicitly. */
export const SUPPORTED_LANGUAGES = ['sv', 'en', 'ar', 'fi'] as const;

/** Roles that take work from routing (an agent row in routing has one of these). */
export const WORK_ROLES = ['agent', 'supervisor', 'department', 'admin'] as const;
export type WorkRole = (typeof WORK_ROLES)[number];

/** Every staff role: the work roles, plus the auditor (reads the audit trail) and the registrar (the diarium). */
export const STAFF_ROLES = [...WORK_ROLES, 'auditor', 'registrar'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** What a citizen sees of their case. */
export const INQUIRY_STATUSES = ['received', 'in_progress', 'answered', 'resolved', 'reopened'] as const;
export type InquiryStatus = (typeof INQUIRY_STATUSES)[number];
