import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import fc from 'fast-check';
import { createValidationPipe, ProblemException, VALIDATION_OPTIONS } from '@lotsen/platform';
import { SearchInquiriesQuery } from './search-inquiries.dto';

// The edge's compiled fast path against Nest's stock ValidationPipe for the search's query string.
const fast = createValidationPipe();
const stock = new ValidationPipe(VALIDATION_OPTIONS);
const asQuery: ArgumentMetadata = { type: 'query', metatype: SearchInquiriesQuery as ArgumentMetadata['metatype'] };

async function outcome(pipe: ValidationPipe, query: unknown) {
  try {
    const value = await pipe.transform(structuredClone(query), asQuery);
    return { ok: true, value: JSON.stringify(value), type: (value as object)?.constructor?.name };
  } catch (e) {
    return { ok: false, problem: e instanceof ProblemException ? JSON.stringify(e.getResponse()) : String(e) };
  }
}

describe('the search query at the edge', () => {
  it('takes a query and a limit, and refuses the rest', async () => {
    expect(await outcome(fast, { q: 'kc-2026-000001', limit: '5' })).toMatchObject({ ok: true, value: '{"q":"kc-2026-000001","limit":5}' });
    for (const bad of [{ q: 'a' }, {}, { q: ['ab'] }, { 'q[]': 'ab' }, { q: 'ab', foo: '1' }, { q: 'ab', limit: '51' }, { q: 'ab', limit: '1.5' }, { q: 'a\u0000b' }, { q: 'x'.repeat(201) }]) {
      expect([bad, (await outcome(fast, bad)).ok]).toEqual([bad, false]);
    }
  });

  it('answers altered queries as the stock pipe does', async () => {
    const value = fc.oneof(fc.string({ maxLength: 8 }), fc.string({ minLength: 195, maxLength: 210 }), fc.constantFrom('0', '50', '51', '-1', '1e1', ' 7', 'a@b.se', '\u0000ab', 'ab\u001f'), fc.array(fc.string({ maxLength: 3 }), { maxLength: 2 }));
    const query = fc.record({ q: fc.option(value, { nil: undefined }), limit: fc.option(value, { nil: undefined }), extra: fc.option(value, { nil: undefined }) }, { requiredKeys: [] })
      .map((r) => JSON.parse(JSON.stringify(r)) as Record<string, unknown>);
    await fc.assert(fc.asyncProperty(query, async (q) => {
      expect(await outcome(fast, q)).toEqual(await outcome(stock, q));
    }), { numRuns: Number(process.env.PC_RUNS ?? 150) });
  });
});
