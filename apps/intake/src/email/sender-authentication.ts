// What the municipality's mail system found out about the From address before forwarding
// (RFC 8601 Authentication-Results). Only a failure is used: a sender can add a header that
// claims "pass" itself, but one that says "fail" only ever costs the sender.
import { headerValues, RawHeader } from './raw-headers';

/** True when a mail system reported that the From domain's DMARC check failed: the From address may be forged. */
export function fromAddressFailedDmarc(headers: RawHeader[]): boolean {
  return headerValues(headers, 'authentication-results').some((v) => /(^|[;\s])dmarc\s*=\s*fail\b/i.test(v));
}
