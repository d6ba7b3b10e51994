/** How a person is found: any of e-mail, phone or personnummer (the identity check is the municipality's). */
export interface DataSubject {
  email?: string;
  phone?: string;
  personnummer?: string;
}

/** The last nine digits: 070-123 45 67, +46 70 123 45 67 and 0046701234567 are one number. */
export function phoneKey(phone: string): string | undefined {
  const digits = phone.replace(/\D/g, '');
  return digits.length >= 7 ? digits.slice(-9) : undefined;
}

/**
 * A POSIX regular expression that finds the personnummer in any common written form: with or
 * without century, with -, –, + or . before the last four digits, with spaces between the groups.
 * Undefined when the value is not 10 or 12 digits.
 */
export function personnummerPattern(pnr: string): string | undefined {
  const digits = pnr.replace(/\D/g, '');
  if (digits.length !== 10 && digits.length !== 12) return undefined;
  const d = digits.slice(-10);
  const [yy, mm, dd, last] = [d.slice(0, 2), d.slice(2, 4), d.slice(4, 6), d.slice(6)];
  const lastFour = last.split('').join('\\s?');
  return `(^|[^0-9])([0-9]{2})?${yy}\\s*${mm}\\s*${dd}\\s*[-–+.]?\\s*${lastFour}([^0-9]|$)`;
}

/** For the audit trail: who was asked about, without spelling it out. */
export function maskedSubject(s: DataSubject): string {
  const parts: string[] = [];
  if (s.email) parts.push(`email ${s.email.slice(0, 1)}***@${s.email.split('@')[1] ?? ''}`);
  if (s.phone) parts.push(`phone ***${s.phone.replace(/\D/g, '').slice(-2)}`);
  if (s.personnummer) parts.push(`personnummer ******-**${s.personnummer.replace(/\D/g, '').slice(-2)}`);
  return parts.join(', ');
}
