// Mail that no person wrote to us creates nothing: auto-replies (RFC 3834 and the de-facto
// headers), bounces (RFC 3464 reports, the null sender) and mail loops. Such a message is
// accepted (250, so the sender stops retrying) and kept in the register, and nothing else.
// Only headers decide: a subject that merely reads like an out-of-office ("Is the library open on
// holiday Mondays?") is a person's question, registered as usual and flagged for staff.
import { headerValues, RawHeader } from './raw-headers';

export type AutomaticReason = 'auto-reply' | 'bounce' | 'loop';
export type MailVerdict =
  | { kind: 'person'; possibleAutoReply: boolean }
  | { kind: 'automatic'; reason: AutomaticReason; detail: string };

/** The header our own outgoing mail carries (notifications should set it) and that we check. */
export const LOOP_HEADER = 'x-lotsen-loop';

/**
 * Out-of-office and auto-reply subjects (Outlook, Gmail, common Swedish/English/Finnish
 * wording): a hint for staff, never a reason to create nothing. Only whole phrases: "Frånvaro i
 * skolan" is a real question and not even flagged.
 */
const AUTO_REPLY_SUBJECT = new RegExp(
  [
    '^\\s*(auto(matic|matisk|matiskt)?[\\s-]*(reply|response|svar|answer))\\b',
    '\\bout of (the )?office\\b',
    '\\bautoreply\\b',
    '\\bauto-?reply\\b',
    '\\bautosvar\\b',
    '\\bautomatiskt svar\\b',
    '\\bfrånvaromeddelande\\b',
    '\\bfrånvarande t\\.?o\\.?m\\.?',
    '\\bi am (currently )?(out|away)\\b.*\\b(office|until|vacation)\\b',
    '\\bon (vacation|holiday|leave)\\b',
    '\\bautomaattinen vastaus\\b',
    '\\bpoissaoloviesti\\b',
  ].join('|'),
  'iu',
);

const AUTO_PRECEDENCE = ['auto_reply', 'bulk', 'junk', 'list'];
const BOUNCE_SENDERS = /^(mailer-daemon|postmaster|mail-daemon|mailerdaemon)@/i;

export interface ClassifyInput {
  headers: RawHeader[];
  /** MAIL FROM; '' for the null sender `<>`. */
  envelopeFrom: string;
  /** The From header's address, if any. */
  fromAddress?: string;
  /** Decoded subject. */
  subject?: string;
  maxReceived: number;
  /** True when an address is one of our own inbound addresses (mail from ourselves loops). */
  isOwnAddress?: (address: string) => boolean;
}

export function classifyMail(m: ClassifyInput): MailVerdict {
  const h = (name: string) => headerValues(m.headers, name);
  const automatic = (reason: AutomaticReason, detail: string): MailVerdict => ({ kind: 'automatic', reason, detail });
  // Loops first: they must never produce anything, whatever else they look like.
  if (h(LOOP_HEADER).length > 0) return automatic('loop', 'our own loop header');
  const received = h('received').length;
  if (received > m.maxReceived) return automatic('loop', `${received} Received headers`);
  if (m.fromAddress && m.isOwnAddress?.(m.fromAddress.toLowerCase())) return automatic('loop', 'sent from one of our own addresses');

  if (m.envelopeFrom.trim() === '') return automatic('bounce', 'null sender');
  if (BOUNCE_SENDERS.test(m.envelopeFrom) || (m.fromAddress && BOUNCE_SENDERS.test(m.fromAddress))) {
    return automatic('bounce', 'mailer-daemon/postmaster sender');
  }
  const contentType = (h('content-type')[0] ?? '').toLowerCase();
  if (/^\s*multipart\/report\b/.test(contentType)) return automatic('bounce', 'multipart/report');

  const autoSubmitted = h('auto-submitted').map((v) => v.toLowerCase().split(';')[0].trim());
  if (autoSubmitted.some((v) => v !== 'no')) return automatic('auto-reply', `Auto-Submitted: ${autoSubmitted.join(',')}`);
  if (h('x-autoreply').length || h('x-autorespond').length || h('x-autoresponder').length) return automatic('auto-reply', 'X-Autoreply/X-Autorespond');
  const precedence = h('precedence').map((v) => v.toLowerCase().trim());
  if (precedence.some((v) => AUTO_PRECEDENCE.includes(v))) return automatic('auto-reply', `Precedence: ${precedence.join(',')}`);
  return { kind: 'person', possibleAutoReply: Boolean(m.subject && AUTO_REPLY_SUBJECT.test(m.subject)) };
}
