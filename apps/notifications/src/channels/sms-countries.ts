import { normalizePhoneNumber } from './sms';

/** Calling codes as written in configuration: `46`, `+47`, `358`. */
export const CALLING_CODE = /^\+?[1-9]\d{0,2}$/;

export function parseCallingCodes(raw: string): string[] {
  return raw.split(',').map((c) => c.trim()).filter(Boolean).map((c) => c.replace(/^\+/, ''));
}

/**
 * Whether an SMS may go to this number: its country calling code is one the municipality allows.
 * Calling codes are prefix-free, so a prefix match is exact. A number that is no number at all is
 * not allowed either (the provider would refuse it anyway).
 */
export function smsCountryAllowed(phone: string, allowed: readonly string[]): boolean {
  const e164 = normalizePhoneNumber(phone);
  return e164 !== undefined && allowed.some((code) => e164.startsWith(`+${code}`));
}
