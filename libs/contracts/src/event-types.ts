export const EventTypes = {
  InquiryReceived: 'inquiry.received',
  InquiryMessageAdded: 'inquiry.message.added',
  InquiryClassified: 'inquiry.classified',
  InquiryRouted: 'inquiry.routed',
  InquiryAssigned: 'inquiry.assigned',
  InquiryTransferred: 'inquiry.transferred',
  InquiryReturned: 'inquiry.returned',
  InquiryAnswered: 'inquiry.answered',
  /** Staff asked the citizen a question; the SLA clocks stand still until they reply. */
  InquiryCitizenAsked: 'inquiry.citizen.asked',
  /** The department recorded the case number its own case-management system gave the inquiry (diarienummer). */
  InquiryCaseNumberRecorded: 'inquiry.case_number.recorded',
  InquiryResolved: 'inquiry.resolved',
  InquiryReopened: 'inquiry.reopened',
  SlaWarning: 'inquiry.sla.warning',
  SlaBreached: 'inquiry.sla.breached',
  NotificationSent: 'notification.sent',
  NotificationFailed: 'notification.failed',
  SurveyAnswered: 'survey.answered',
  CallOffered: 'call.offered',
  CallAnswered: 'call.answered',
  CallAbandoned: 'call.abandoned',
  /** Retention (gallring): an inquiry's personal data is due for removal in every service. */
  InquiryRetentionDue: 'inquiry.retention.due',
  /** One service has removed its copy of an inquiry's personal data. */
  InquiryRetentionDone: 'inquiry.retention.done',
  /** The citizen's contact data was corrected on request (GDPR art. 16); services holding a copy update it. */
  InquiryContactRectified: 'inquiry.contact.rectified',
  TenantCalendarChanged: 'tenant.calendar.changed',
  CategoryChanged: 'catalogue.category.changed',
} as const;

export type EventType = (typeof EventTypes)[keyof typeof EventTypes];
export const ALL_EVENT_TYPES: EventType[] = Object.values(EventTypes);
