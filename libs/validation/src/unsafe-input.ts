/**
 * Input no service may take in, whatever the endpoint: it cannot be stored, or it is an attack on
 * the code rather than data. Checked on the raw value, before class-transformer builds anything
 * (which silently drops some of it, so the client would never learn what was lost).
 */

export interface UnsafeInput {
  /** Where: `body`, `citizen.name`, `attachments[0]`; empty for the value itself. */
  field: string;
  message: string;
}

/** Keys that reach Object.prototype or a constructor when code merges objects by key. */
export const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Far more than any of our bodies needs; each level costs a stack frame in every walk that follows. */
export const MAX_NESTING = 32;

/** NUL (PostgreSQL text and jsonb refuse it) and a UTF-16 surrogate without its pair (it has no UTF-8 form). */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** True if the text holds a NUL or an unpaired surrogate. */
export function hasUnstorableText(text: string): boolean {
  return UNSTORABLE.test(text);
}

const TEXT_MESSAGE = 'contains a character that cannot be stored (NUL or an unpaired UTF-16 surrogate)';

/** The first unsafe thing in a parsed JSON or form value, or undefined. */
export function findUnsafeInput(value: unknown, field = '', depth = 0): UnsafeInput | undefined {
  if (typeof value === 'string') return hasUnstorableText(value) ? { field, message: TEXT_MESSAGE } : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  if (depth >= MAX_NESTING) return { field, message: `nests more than ${MAX_NESTING} levels deep` };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnsafeInput(value[i], `${field}[${i}]`, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  for (const key of Object.keys(value)) {
    const path = field ? `${field}.${key}` : key;
    if (PROTOTYPE_KEYS.has(key)) return { field: path, message: `'${key}' is not allowed as a property name` };
    if (hasUnstorableText(key)) return { field: path.replace(/[^\x20-\x7e]/g, '?'), message: `the property name ${TEXT_MESSAGE}` };
    const found = findUnsafeInput((value as Record<string, unknown>)[key], path, depth + 1);
    if (found) return found;
  }
  return undefined;
}
