// The header block of a raw message, read before any MIME parsing: its size is limited, and
// loop/auto-reply checks need the headers exactly as they came.

export interface RawHeader {
  /** Lower-case field name. */
  name: string;
  /** Unfolded value, trimmed; encoded words are left as they are. */
  value: string;
}

export type HeaderBlock =
  | { ok: true; headers: RawHeader[]; headerBytes: number }
  | { ok: false; reason: 'header-too-large' | 'too-many-header-lines' };

const MAX_LINES = 2000;

/** Finds the end of the header block (the first empty line) within `maxHeaderBytes`. */
export function readHeaderBlock(raw: Buffer, maxHeaderBytes: number): HeaderBlock {
  const window = raw.subarray(0, Math.min(raw.length, maxHeaderBytes + 4));
  let end = -1;
  let sepLength = 0;
  for (const sep of ['\r\n\r\n', '\n\n']) {
    const at = window.indexOf(sep);
    if (at >= 0 && (end < 0 || at < end)) {
      end = at;
      sepLength = sep.length;
    }
  }
  if (raw.indexOf('\r\n') === 0 || raw.indexOf('\n') === 0) {
    end = 0;
    sepLength = 0;
  }
  if (end < 0) {
    // No body: the whole message is headers, allowed only below the limit.
    if (raw.length > maxHeaderBytes) return { ok: false, reason: 'header-too-large' };
    end = raw.length;
  }
  if (end > maxHeaderBytes) return { ok: false, reason: 'header-too-large' };
  const text = window.subarray(0, end).toString('utf8');
  const lines = text.split(/\r?\n/);
  if (lines.length > MAX_LINES) return { ok: false, reason: 'too-many-header-lines' };
  const headers: RawHeader[] = [];
  for (const line of lines) {
    if (/^[ \t]/.test(line) && headers.length) {
      headers[headers.length - 1].value += ` ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue; // garbage line: ignored, as mail parsers do
    headers.push({ name: line.slice(0, colon).trim().toLowerCase(), value: line.slice(colon + 1).trim() });
  }
  return { ok: true, headers, headerBytes: end + sepLength };
}

export function headerValues(headers: RawHeader[], name: string): string[] {
  return headers.filter((h) => h.name === name).map((h) => h.value);
}

/** Message-IDs in an In-Reply-To / References value (`<a@b> <c@d>`), at most `max`. */
export function messageIdsIn(value: string | undefined, max = 50): string[] {
  if (!value) return [];
  const ids = value.match(/<[^<>\s]{1,400}>/g) ?? [];
  return [...new Set(ids)].slice(-max);
}
