import { SecretPart } from './register.dto';

/** Who sent a document, as the register keeps it once the case is gallrad: enough to tell entries apart, not to find the person. */
export function maskSender(sender: string | null | undefined): string | null {
  if (!sender) return null;
  const address = /<([^<>@\s]+@[^<>\s]+)>|([^\s<>@]+@[^\s<>]+)/.exec(sender);
  if (address) {
    const [local, domain] = (address[1] ?? address[2]).split('@');
    return `${local.slice(0, 1)}***@${domain}`;
  }
  return sender.split(/\s+/).filter(Boolean).map((w) => `${w.slice(0, 1)}***`).join(' ') || null;
}

/** What stands in place of a secret part for those without clearance. */
export function secretPlaceholder(legalGround: string): string {
  return `[sekretess: ${legalGround}]`;
}

export interface SecrecyMark { parts: SecretPart[]; legalGround: string }

/** A value as a reader sees it: the placeholder where the part is secret and they lack clearance. */
export function shown<T>(value: T, part: SecretPart, mark: SecrecyMark | null, cleared: boolean): T | string {
  return mark && !cleared && mark.parts.includes(part) ? secretPlaceholder(mark.legalGround) : value;
}
