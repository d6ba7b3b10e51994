// What staff may upload (a scanned letter, a photo, a note) and a check that the bytes are what
// the declared type says: a renamed executable or an HTML page does not pass as a PDF.

export const UPLOAD_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/tiff', 'text/plain'] as const;
export type UploadType = (typeof UPLOAD_TYPES)[number];

export function isUploadType(t: string): t is UploadType {
  return (UPLOAD_TYPES as readonly string[]).includes(t);
}

/** True when the first bytes match the type's signature (text: valid UTF-8 without NUL). */
export function contentMatchesType(type: UploadType, bytes: Buffer): boolean {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  switch (type) {
    case 'application/pdf':
      return bytes.subarray(0, 1024).includes('%PDF-');
    case 'image/jpeg':
      return starts(0xff, 0xd8, 0xff);
    case 'image/png':
      return starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
    case 'image/tiff':
      return starts(0x49, 0x49, 0x2a, 0x00) || starts(0x4d, 0x4d, 0x00, 0x2a);
    case 'text/plain':
      return !bytes.includes(0) && isValidUtf8(bytes);
  }
}

function isValidUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** A file name safe to store and to put in Content-Disposition: no paths, no control characters. */
export function safeFilename(name: string | undefined, fallback: string): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[\u0000-\u001f\u007f"<>|*?:]+/g, '_').replace(/^\.+/, '').trim().slice(0, 200);
  return cleaned || fallback;
}

/** `attachment; filename="ascii"; filename*=UTF-8''percent-encoded` (RFC 6266). */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}
