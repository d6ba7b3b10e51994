// SMS through an HTTP provider. The shape is 46elks' (Swedish): POST {base}/sms, form-encoded
// from/to/message, HTTP basic auth, JSON answer with an `id`. Others (e.g. a provider with a
// JSON body) are another SmsProvider next to this one.
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { maskAddress } from './mask';
import { DeliveryError, DeliveryResult, OutgoingSms, SmsProvider } from './types';

export interface SmsProviderOptions {
  /** Request timeout (default 10 s). */
  timeoutMs?: number;
  /** Country code for national numbers (default 46: 070… → +4670…). */
  defaultCountryCode?: string;
}

/**
 * `https://user:pass@api.46elks.com/a1` (messages go to `…/a1/sms`; http: for a local stub), or
 * `file:///abs/dir` (development: one .txt file per message).
 */
export function createSmsProvider(url: string, options: SmsProviderOptions = {}): SmsProvider {
  const u = new URL(url);
  if (u.protocol === 'file:') return new FileSmsProvider(fileURLToPath(u), options);
  if (u.protocol === 'https:' || u.protocol === 'http:') return new HttpSmsProvider(u, options);
  throw new Error(`unsupported SMS provider "${u.protocol}" (use https:, http: or file:)`);
}

/**
 * E.164 form of a phone number, or undefined when it cannot be one. National numbers get the
 * default country code (0701234567 → +46701234567); 00 means +; a trunk 0 written after +46
 * ("+46 (0)70…") is dropped.
 */
export function normalizePhoneNumber(input: string, defaultCountryCode = '46'): string | undefined {
  let s = String(input ?? '').trim().replace(/[\s().\-/]/g, '');
  if (s.startsWith('00')) s = `+${s.slice(2)}`;
  else if (/^0\d/.test(s)) s = `+${defaultCountryCode}${s.slice(1)}`;
  s = s.replace(/^\+460/, '+46');
  if (!/^\+[1-9]\d{7,14}$/.test(s)) return undefined;
  // Swedish subscriber numbers are 7–9 digits after the country code.
  if (s.startsWith('+46') && !/^\+46[1-9]\d{6,8}$/.test(s)) return undefined;
  return s;
}

/** Sender: an E.164 number, or 3–11 letters/digits starting with a letter (what operators accept). */
function checkSms(msg: OutgoingSms, defaultCountryCode: string): { to: string; from: string } {
  const to = normalizePhoneNumber(msg.to, defaultCountryCode);
  if (!to) throw new DeliveryError('permanent', 'INVALID_NUMBER', `not a valid phone number: ${maskAddress(msg.to)}`, true);
  const from = /^[A-Za-z][A-Za-z0-9]{2,10}$/.test(msg.from) ? msg.from : normalizePhoneNumber(msg.from, defaultCountryCode);
  if (!from) throw new DeliveryError('permanent', 'INVALID_SENDER', `not a valid SMS sender: "${msg.from}"`);
  if (!msg.message.trim()) throw new DeliveryError('permanent', 'EMPTY_MESSAGE', 'the message is empty');
  return { to, from };
}

class HttpSmsProvider implements SmsProvider {
  private readonly endpoint: string;
  private readonly authorization?: string;

  constructor(url: URL, private readonly options: SmsProviderOptions) {
    // fetch refuses URLs with credentials: they become the Authorization header instead.
    if (url.username || url.password) {
      const user = decodeURIComponent(url.username);
      const pass = decodeURIComponent(url.password);
      this.authorization = `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
    }
    this.endpoint = `${url.origin}${url.pathname.replace(/\/+$/, '')}/sms`;
  }

  async send(msg: OutgoingSms): Promise<DeliveryResult> {
    const { to, from } = checkSms(msg, this.options.defaultCountryCode ?? '46');
    let status: number;
    let body: string;
    try {
      const res = await fetch(this.endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
          ...(this.authorization ? { authorization: this.authorization } : {}),
        },
        body: new URLSearchParams({ from, to, message: msg.message }).toString(),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
      status = res.status;
      body = await res.text();
    } catch (e) {
      // Refused, reset, DNS or our timeout: nothing was (knowingly) sent, try again later.
      const err = e as Error & { cause?: { code?: string } };
      const code = err.name === 'TimeoutError' ? 'ETIMEDOUT' : (err.cause?.code ?? 'EFETCH');
      throw new DeliveryError('transient', code, `${err.message}${err.cause?.code ? ` (${err.cause.code})` : ''}`);
    }
    // Providers echo the number back; the response is stored in the delivery log.
    const response = `${status} ${body.split(to).join(maskAddress(to)).trim()}`.slice(0, 1000);
    if (status >= 200 && status < 300) {
      let id: string | undefined;
      try {
        id = JSON.parse(body)?.id;
      } catch {
        // a 2xx without JSON is still accepted
      }
      return { providerMessageId: id === undefined ? undefined : String(id), response };
    }
    // 5xx, rate limiting and timeouts pass; a refused login is our configuration, not the
    // number's fault. Other 4xx (invalid number, bad sender) would be refused again.
    const transient = status >= 500 || [401, 403, 408, 425, 429].includes(status);
    const recipient = !transient && /\bto\b|number|recipient|nummer/i.test(body);
    throw new DeliveryError(transient ? 'transient' : 'permanent', String(status), response, recipient);
  }

  async close(): Promise<void> {}
}

class FileSmsProvider implements SmsProvider {
  constructor(private readonly dir: string, private readonly options: SmsProviderOptions) {}

  async send(msg: OutgoingSms): Promise<DeliveryResult> {
    // Same checks as the real provider, so development shows the same failures.
    const { to, from } = checkSms(msg, this.options.defaultCountryCode ?? '46');
    const id = randomUUID();
    const file = path.join(this.dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${id}.txt`);
    try {
      await mkdir(this.dir, { recursive: true });
      await writeFile(file, `From: ${from}\nTo: ${to}\nDate: ${new Date().toISOString()}\n\n${msg.message}\n`);
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      throw new DeliveryError('transient', err.code, err.message);
    }
    return { providerMessageId: id, response: file };
  }

  async close(): Promise<void> {}
}
