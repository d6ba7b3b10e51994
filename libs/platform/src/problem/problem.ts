import { HttpException } from '@nestjs/common';

/** RFC 9457 problem details. */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: Array<{ field: string; message: string }>;
  [extension: string]: unknown;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
  406: 'Not Acceptable', 409: 'Conflict', 413: 'Payload Too Large', 415: 'Unsupported Media Type',
  422: 'Unprocessable Content', 429: 'Too Many Requests', 500: 'Internal Server Error', 503: 'Service Unavailable',
};

export function problemType(slug: string): string {
  return `https://lotsen.dev/problems/${slug}`;
}

export function problem(status: number, slug: string, detail?: string, extra: Partial<ProblemBody> = {}): ProblemBody {
  return { type: problemType(slug), title: TITLES[status] ?? 'Error', status, detail, ...extra };
}

/** Throw from anywhere in a request to answer with this problem. */
export class ProblemException extends HttpException {
  constructor(readonly body: ProblemBody) {
    super(body, body.status);
  }
  static of(status: number, slug: string, detail?: string, extra: Partial<ProblemBody> = {}): ProblemException {
    return new ProblemException(problem(status, slug, detail, extra));
  }
}
