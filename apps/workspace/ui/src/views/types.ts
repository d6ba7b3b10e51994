export interface WorkItem {
  inquiryId: string;
  reference: string;
  department: string;
  queue: string;
  category: string | null;
  language: string;
  priority: number;
  urgent: boolean;
  status: string;
  assignedTo: string | null;
  enqueuedAt: string;
  firstResponseDueAt: string | null;
  resolutionDueAt: string | null;
  answeredAt: string | null;
  /** The case number of the department's own case-management system (diarienummer). */
  caseNumber?: string | null;
}

export interface Suggestion {
  id: string;
  kind: string;
  question: string;
  answer: string;
}

export interface WorkView extends WorkItem {
  suggestions: Suggestion[];
  inquiry?: { reference: string; channel: string; subject: string | null; body: string; language: string; receivedAt: string };
  history: { action: string; actor: string; at?: string; createdAt?: string; details?: Record<string, unknown> }[];
  redacted?: boolean;
}

export interface ThreadMessage {
  id: string;
  author: string;
  visibility: string;
  channel: string | null;
  body: string;
  createdAt: string;
}

/** intake's staff view of an inquiry, as far as the inquiry view shows it. */
export interface StaffInquiry {
  thread?: ThreadMessage[];
  files?: { id: string; filename: string; contentType: string; size: number; url: string }[];
  /** The inquiry this one repeats (same place and matter, within the duplicate window). */
  duplicateOf?: string | null;
  /** A case a mail on this one named; and the cases whose mails name this one. */
  mayBelongTo?: { id: string; reference: string };
  mayBelongHere?: { id: string; reference: string }[];
}

export interface Agent {
  id: string;
  name: string;
  presence: string;
  capacity: number;
  load?: number;
  skills?: string[];
  languages?: string[];
}

/** One hit of intake's staff search: in full (a summary, no contact data) or only that it exists. */
export interface SearchHit {
  id: string;
  reference: string;
  status: string;
  department: string | null;
  category: string | null;
  receivedAt: string;
  channel?: string;
  subject?: string | null;
  summary?: string;
  sensitive?: boolean;
  redacted: boolean;
}

/** routing's GET /v1/supervisor/overview: figures computed there, lists bounded (the oldest first, with totals). */
export interface OverviewItem {
  inquiryId: string;
  reference: string;
  department: string;
  queue: string;
  status: string;
  assignedTo: string | null;
  enqueuedAt: string;
}

export interface SupervisorOverview {
  at: string;
  queues: { department: string; queue: string; waiting: number; oldestEnqueuedAt: string; atRisk: number }[];
  triage: { total: number; items: OverviewItem[] };
  open: { total: number; items: OverviewItem[] };
  agents: { total: number; available: number; agents: { id: string; name: string; presence: string; capacity: number; load: number; current: string[] }[] };
}
