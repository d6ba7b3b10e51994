// The MIME text of a notification e-mail, composed here rather than by nodemailer's composer: a
// receipt is always the same shape (text and HTML alternatives, a few headers), and building it
// through nodemailer's node tree and stream pipeline cost about a tenth of the notifications
// process. Header encoding and folding still use nodemailer's own functions.
import { randomUUID } from 'node:crypto';
import { domainToASCII } from 'node:url';
import addressparser from 'nodemailer/lib/addressparser';
import { encodeWords, foldLines } from 'nodemailer/lib/mime-funcs';
import { encode as qpEncode, wrap as qpWrap } from 'nodemailer/lib/qp';
import { DeliveryError, OutgoingEmail } from './types';

const NON_ASCII = /[^\x00-\x7f]/;

export interface ComposedEmail {
  /** SMTP envelope: the bounce address and the recipients' addresses. */
  envelope: { from: string; to: string[] };
  /** The message as sent over SMTP (CRLF line ends). */
  raw: string;
}

export function composeEmail(msg: OutgoingEmail, date = new Date()): ComposedEmail {
  const from = parseAddresses(msg.from);
  const to = parseAddresses(msg.to);
  // As nodemailer reports it: nothing to send to, which no retry changes.
  if (!from.length || !to.length) throw new DeliveryError('permanent', 'EENVELOPE', 'No sender or recipient address', true);
  const boundary = `--_lotsen_${randomUUID()}`;
  const references = Array.isArray(msg.references) ? msg.references.join(' ') : msg.references;
  const headers: Array<[string, string | undefined]> = [
    ['From', formatAddresses(from)],
    ['To', formatAddresses(to)],
    ['Reply-To', msg.replyTo ? formatAddresses(parseAddresses(msg.replyTo)) : undefined],
    ['Subject', encodeWords(msg.subject.replace(/\r?\n/g, ' '), 'Q', 52)],
    ['Message-ID', msg.messageId],
    ['In-Reply-To', msg.inReplyTo],
    ['References', references],
    ['Date', date.toUTCString().replace(/GMT$/, '+0000')],
    ...Object.entries(msg.headers ?? {}).map(([k, v]): [string, string] => [k, encodeWords(v.replace(/\r?\n/g, ' '), 'Q', 52)]),
    ['MIME-Version', '1.0'],
    ['Content-Type', `multipart/alternative; boundary="${boundary}"`],
  ];
  const lines = headers.filter(([, v]) => v).map(([k, v]) => foldLines(`${k}: ${v}`, 76));
  return {
    envelope: { from: from[0].address, to: to.map((a) => a.address) },
    raw: [
      ...lines,
      '',
      `--${boundary}`,
      ...part('text/plain', msg.text),
      `--${boundary}`,
      ...part('text/html', msg.html),
      `--${boundary}--`,
      '',
    ].join('\r\n'),
  };
}

/** One alternative: 7bit when plain ASCII in short lines, else quoted-printable (base64 for mostly non-Latin text, e.g. Arabic). */
function part(type: string, content: string): string[] {
  const text = content.replace(/\r?\n/g, '\r\n');
  const nonAscii = text.match(/[^\x00-\x7f]/g)?.length ?? 0;
  const body = !nonAscii && !/[^\r\n]{77}/.test(text) ? { encoding: '7bit', value: text }
    : nonAscii > text.length / 2 ? { encoding: 'base64', value: Buffer.from(text, 'utf8').toString('base64').replace(/.{76}/g, '$&\r\n') }
    : { encoding: 'quoted-printable', value: qpWrap(qpEncode(text), 76) };
  return [`Content-Type: ${type}; charset=utf-8`, `Content-Transfer-Encoding: ${body.encoding}`, '', body.value];
}

type Address = { name: string; address: string };

/** Parsed senders: every message of a tenant has the same From. */
const parsed = new Map<string, Address[]>();
const PLAIN_ADDRESS = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+$/;

function parseAddresses(value: string): Address[] {
  if (PLAIN_ADDRESS.test(value)) return [{ name: '', address: value }];
  let list = parsed.get(value);
  if (!list) {
    if (parsed.size >= 1000) parsed.clear();
    parsed.set(value, (list = parseWithNames(value)));
  }
  return list;
}

function parseWithNames(value: string): Address[] {
  return addressparser(value, { flatten: true })
    .filter((a) => a.address)
    .map((a) => {
      // An internationalised domain goes as punycode, as nodemailer would send it.
      const at = a.address.lastIndexOf('@');
      const domain = at > 0 ? a.address.slice(at + 1) : '';
      return { name: a.name, address: NON_ASCII.test(domain) ? `${a.address.slice(0, at)}@${domainToASCII(domain)}` : a.address };
    });
}

function formatAddresses(list: Address[]): string {
  return list.map(({ name, address }) => {
    if (!name) return address;
    if (NON_ASCII.test(name)) return `${encodeWords(name, 'Q', 52)} <${address}>`;
    return /^[\w ]*$/.test(name) ? `${name} <${address}>` : `"${name.replace(/["\\]/g, '\\$&')}" <${address}>`;
  }).join(', ');
}
