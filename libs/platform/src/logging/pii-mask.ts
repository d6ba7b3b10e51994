// Personal data never reaches a log line: personnummer, e-mail addresses and phone numbers are
// masked in the serialized line itself, so nested objects and error messages are covered too.

/**
 * Swedish personal identity / coordination numbers, (YY)YYMMDD NNNN in every way people write
 * them: `121212-1212`, `19121212+1212`, `121212 - 1212`, `121212–1212`, `19121212.1212`,
 * `1212121212`, `121212-12 12` (up to two spaces around the separator, one inside the last four).
 */
const PERSONNUMMER = /(?<![\w-])(?:1[89]|20)?\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]|6[1-9]|7\d|8\d|9[01])(?:[ \u00a0]{0,2}[-+.\u2010\u2011\u2012\u2013\u2014\u2212][ \u00a0]{0,2}|[ \u00a0]{1,2})?\d(?:[ \u00a0]?\d){3}(?![\w])/g;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
/** Phone-like runs: start with + or 0, 8–13 digits with spaces/dashes/parentheses between. */
const PHONE_CANDIDATE = /(?<![\w+-])(?:\+|00|0)[\d\s\-()]{6,20}\d(?![\w])/g;
const TOKEN_PARAM = /([?&](?:token|api_key)=)[^&\s"]+/gi;
/** Secrets carried in a path: survey and opt-out links. */
const TOKEN_PATH = /(\/(?:surveys|opt-out)\/)[^/?\s"]+/gi;

export function maskPii(text: string): string {
  return text
    .replace(TOKEN_PARAM, '$1***')
    .replace(TOKEN_PATH, '$1***')
    .replace(EMAIL, '[email]')
    .replace(PERSONNUMMER, '[personnummer]')
    .replace(PHONE_CANDIDATE, (m) => {
      const digits = m.replace(/\D/g, '').length;
      return digits >= 8 && digits <= 13 ? '[phone]' : m;
    });
}

/** Contains a Swedish personal identity number (with a valid Luhn check digit). */
export function containsPersonnummer(text: string): boolean {
  for (const m of text.matchAll(PERSONNUMMER)) {
    const digits = m[0].replace(/\D/g, '').slice(-10);
    if (luhnValid(digits)) return true;
  }
  return false;
}

function luhnValid(tenDigits: string): boolean {
  let sum = 0;
  for (let i = 0; i < tenDigits.length; i++) {
    let d = Number(tenDigits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}
