import pino from 'pino';
import { QueryFailedError } from 'typeorm';
import { loggableError } from './loggable-error';
import { maskingDestination, PinoNestLogger } from './logger';

describe('an error in a log line', () => {
  const row = ['44d76072-1e88-4f74-b31b-1d14b5725a27', 'Olle Svensson på Storgatan 4 blir slagen', { name: 'Karin Berg', email: 'karin@example.se' }];
  const failed = () => new QueryFailedError('INSERT INTO intake.inquiries (id, body, citizen) VALUES ($1, $2, $3)', row,
    Object.assign(new Error('new row for relation "inquiries" violates check constraint "x"'), { code: '23514', detail: 'Failing row contains (Olle Svensson, Storgatan 4).' }));

  it('keeps name, code, message and stack, never the statement or its parameters', () => {
    const safe = loggableError(failed());
    expect(safe).toMatchObject({ name: 'QueryFailedError', code: '23514', message: expect.stringMatching(/violates check constraint/) });
    expect(safe.stack).toMatch(/QueryFailedError/);
    expect(JSON.stringify({ ...safe })).not.toMatch(/Olle|Storgatan|Karin|INSERT/);
    expect(loggableError('plain text').message).toBe('plain text');
  });

  it('is what the service logger writes when handed a database error', () => {
    const lines: string[] = [];
    const logger = new PinoNestLogger(pino({}, maskingDestination({ write: (l: string) => lines.push(l) })));
    logger.error(failed(), undefined, 'Problem');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/violates check constraint/);
    expect(lines[0]).not.toMatch(/Olle|Storgatan|Karin|karin@|parameters|INSERT INTO|Failing row/);
  });
});
