import multipart from '@fastify/multipart';
import { errorCodes, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ProblemBody, ProblemException } from '@lotsen/platform';
import { CONTENT_TYPES, errorsDocument, Open311Format, render } from './open311-document';
import { Open311Params } from './open311-params';

export const OPEN311_BASE = '/open311/v2';

export function isOpen311Url(url: string): boolean {
  return url === OPEN311_BASE || url.startsWith(`${OPEN311_BASE}/`) || url.startsWith(`${OPEN311_BASE}?`);
}

/** The format the client asked for by the path suffix; XML (the required one) otherwise. */
export function formatOfUrl(url: string): Open311Format {
  const path = url.split('?')[0].replace(/\/+$/, '');
  return path.toLowerCase().endsWith('.json') ? 'json' : 'xml';
}

/** A photo FixMyStreet uploads (`photo1`, …): kept as metadata only, the bytes are not stored. */
export interface UploadedFileMeta {
  field: string;
  filename: string;
  contentType: string;
  size: number;
}

const MULTIPART_LIMITS = { fileSize: 20 * 1024 * 1024, files: 10, fields: 500, fieldSize: 100_000, parts: 520 };

/**
 * Text a multipart body may carry before its api_key is known (as much as a url-encoded body may
 * carry in all), and in all once it is. Files are drained as they arrive, never held.
 */
export const TEXT_BEFORE_KEY_BYTES = 64 * 1024;
export const TEXT_BYTES = 1024 * 1024;

/** Decides whether an api_key is one we issued; the full check (tenant, channel) follows later. */
export type KeyGate = (key: string) => Promise<boolean>;

const forbidden = () => ProblemException.of(403, 'forbidden', 'api_key is missing or invalid');


/**
 * Wires Open311 into the service's Fastify instance before it starts:
 * - errors under /open311/v2 answer `<errors>` (or the JSON array) instead of problem+json,
 *   including 404s for unknown paths or format suffixes and body-parsing failures;
 * - multipart/form-data is parsed for Open311 only: every other route keeps answering 415 to it
 *   exactly as before the plugin was registered.
 */
export function installOpen311Http(fastify: FastifyInstance): void {
  void fastify.register(multipart, { limits: MULTIPART_LIMITS, throwFileSizeLimit: true });

  fastify.addHook('onRequest', async (req) => {
    if (!isOpen311Url(req.url)) return;
    const format = formatOfUrl(req.url);
    (req as FastifyRequest & { problemRenderer?: unknown }).problemRenderer = (body: ProblemBody, reply: FastifyReply) => {
      const status = body.status;
      void reply.status(status).header('content-type', CONTENT_TYPES[format]).send(render(errorsDocument(status, body.detail ?? body.title), format));
    };
  });

  fastify.addHook('preParsing', async (req) => {
    const type = req.headers['content-type'];
    if (typeof type === 'string' && /^\s*multipart\/form-data/i.test(type) && !isOpen311Url(req.url)) {
      throw new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE();
    }
  });
}

/**
 * Reads a multipart body: fields into `params`, file parts drained and described. A key sent
 * outside the body (header or query string) is checked before a byte of it is read; unless it
 * passes, the body is read with a small cap on text until its api_key field arrives and passes
 * the gate, so a client without a valid key never has more than that held in memory (403 or 413).
 */
export async function readMultipart(req: FastifyRequest, params: Open311Params, gate: KeyGate, keyOutsideBody?: string): Promise<UploadedFileMeta[]> {
  const files: UploadedFileMeta[] = [];
  // A stray or wrong key outside the body is no reason to refuse one that is inside it.
  let keyChecked = keyOutsideBody ? await gate(keyOutsideBody) : false;
  let textBytes = 0;
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        let size = 0;
        for await (const chunk of part.file) size += (chunk as Buffer).length;
        files.push({ field: part.fieldname, filename: part.filename || part.fieldname, contentType: part.mimetype || 'application/octet-stream', size });
      } else if (typeof part.value === 'string') {
        textBytes += Buffer.byteLength(part.fieldname) + Buffer.byteLength(part.value);
        if (!keyChecked && textBytes > TEXT_BEFORE_KEY_BYTES) {
          throw ProblemException.of(413, 'payload-too-large', `Send api_key before more than ${TEXT_BEFORE_KEY_BYTES / 1024} KB of fields.`);
        }
        if (textBytes > TEXT_BYTES) throw ProblemException.of(413, 'payload-too-large', `The fields may hold at most ${TEXT_BYTES / 1024} KB of text.`);
        params.add(part.fieldname, part.value);
        if (!keyChecked && part.fieldname === 'api_key' && part.value.trim()) {
          if (!(await gate(part.value.trim()))) throw forbidden();
          keyChecked = true;
        }
      }
    }
  } catch (err) {
    if (err instanceof ProblemException) throw err;
    const status = (err as { statusCode?: number }).statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) throw err;
    throw ProblemException.of(400, 'malformed-request', 'The multipart/form-data body could not be read.');
  }
  return files;
}
