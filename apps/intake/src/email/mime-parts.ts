// How many MIME parts a raw message has, counted before the full parse: a message of ten
// thousand tiny parts costs the parser (and the database, one row per attachment) far more
// than its size suggests. Counting stops as soon as the limit is passed.

const BOUNDARY = /boundary\s*=\s*(?:"([^"]{1,200})"|([^\s;]{1,200}))/i;

/** Parts of `raw` (the message itself, every multipart container and every leaf), at most `stopAfter + 1`. */
export function countMimeParts(raw: Buffer, stopAfter: number): number {
  const lines = raw.toString('latin1').split(/\r?\n/);
  let parts = 1;
  // Boundaries of the multiparts we are inside, innermost last.
  const open: string[] = [];
  let inHeaders = true;
  let contentType = '';
  let lastHeader = '';
  for (const line of lines) {
    if (inHeaders) {
      if (line === '') {
        inHeaders = false;
        const boundary = /^\s*multipart\//i.test(contentType) ? BOUNDARY.exec(contentType) : null;
        if (boundary) open.push(boundary[1] ?? boundary[2]);
        continue;
      }
      if (/^[ \t]/.test(line)) {
        if (lastHeader === 'content-type') contentType += ` ${line.trim()}`;
        continue;
      }
      const colon = line.indexOf(':');
      lastHeader = colon > 0 ? line.slice(0, colon).trim().toLowerCase() : '';
      if (lastHeader === 'content-type') contentType = line.slice(colon + 1).trim();
      continue;
    }
    if (!line.startsWith('--') || open.length === 0) continue;
    const delimiter = line.slice(2).trimEnd();
    for (let k = open.length - 1; k >= 0; k--) {
      const b = open[k];
      if (delimiter === `${b}--`) {
        open.length = k; // this multipart (and any left open inside it) ends
        break;
      }
      if (delimiter === b) {
        open.length = k + 1;
        if (++parts > stopAfter) return parts;
        inHeaders = true;
        contentType = '';
        lastHeader = '';
        break;
      }
    }
  }
  return parts;
}
