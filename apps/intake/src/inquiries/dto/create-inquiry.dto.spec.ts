import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import fc from 'fast-check';
import { createValidationPipe, ProblemException, VALIDATION_OPTIONS } from '@lotsen/platform';
import { instanceCheck } from '@lotsen/validation';
import { AddMessageDto, CreateInquiryDto } from './create-inquiry.dto';

// The edge's compiled fast path against Nest's stock ValidationPipe with the same options: for any
// body, the same answer (the same instance, or the same problem).

const VALID: Record<string, unknown> = {
  channel: 'web', subject: 'Gatlampa', body: 'Lampan på Storgatan är trasig', language: 'sv', category: 'gatubelysning', type: 'fault_report',
  citizen: { name: 'Anna A', email: 'anna@example.se', phone: '+46 70-123 45 67', preferredLanguage: 'sv', notify: true },
  location: { address: 'Storgatan 1', lat: 59.2, lon: 17.6 }, externalId: 'x-1', receivedAt: '2026-11-23T08:15:00Z',
  attachments: [{ filename: 'lampa.jpg', contentType: 'image/jpeg', size: 1200, url: 'https://example.se/a.jpg' }],
  resolvedAtFirstContact: false,
};

const fast = createValidationPipe();
const stock = new ValidationPipe(VALIDATION_OPTIONS);
const asBody = (metatype: Function): ArgumentMetadata => ({ type: 'body', metatype: metatype as ArgumentMetadata['metatype'] });

async function outcome(pipe: ValidationPipe, body: unknown, metatype: Function) {
  try {
    const value = await pipe.transform(structuredClone(body), asBody(metatype));
    return { ok: true, value: JSON.stringify(value), type: (value as object)?.constructor?.name };
  } catch (e) {
    return { ok: false, problem: e instanceof ProblemException ? JSON.stringify(e.getResponse()) : String(e) };
  }
}

const oddValue = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, 91, -181, 1e308, '', 'x', 'web', 'email', 'phone', 'fault_report', 'sv', 'SV', 'a@b.se', 'not an email',
    '+46701234567', '2026-11-23', '2026-11-23T08:15:00Z', 'image/jpeg', 'gatu belysning', 'internal', 'public'),
  fc.constantFrom([], [{}], [null], [1], [[]], {}, { notify: true }, { notify: 'yes' }, { lat: 1 }, { lat: 100, lon: 0 }, { email: 'a@b.se', extra: 1 },
    [{ filename: 'a', contentType: 'text/plain', size: 1 }], [{ filename: 'a', contentType: 'text/plain', size: -1 }],
    Array.from({ length: 11 }, () => ({ filename: 'a', contentType: 'text/plain', size: 1 }))),
  fc.string({ maxLength: 12 }), fc.integer(), fc.double(), fc.string({ minLength: 190, maxLength: 400 }),
  fc.jsonValue({ maxDepth: 2 }),
);

/**
 * The valid body with some properties (its own, its nested objects', or new ones) replaced, removed
 * or added. No `__proto__` or `constructor` keys: fastify's JSON parser refuses those bodies before
 * any pipe sees them (the HTTP fuzz specs cover that).
 */
function mutated(sample: Record<string, unknown>) {
  const keys = [...Object.keys(sample), 'extra', 'notify'];
  const nested = fc.option(fc.constantFrom('notify', 'email', 'phone', 'lat', 'lon', 'name', 'address', 'extra', 'size', 'filename', '0'), { nil: undefined });
  const edit = fc.record({ key: fc.constantFrom(...keys), nestedKey: nested, value: fc.option(oddValue, { nil: undefined }) });
  return fc.array(edit, { minLength: 1, maxLength: 3 }).map((edits) => {
    const body: Record<string, unknown> = JSON.parse(JSON.stringify(sample));
    for (const e of edits) {
      let target = body;
      let key = e.key;
      const inner = body[e.key];
      const into = Array.isArray(inner) ? inner[0] : inner;
      if (e.nestedKey && into && typeof into === 'object') {
        target = into as Record<string, unknown>;
        key = e.nestedKey;
      }
      if (e.value === undefined) delete target[key];
      else target[key] = structuredClone(e.value); // constants are shared between runs
    }
    return JSON.parse(JSON.stringify(body)) as Record<string, unknown>; // as it arrives: JSON
  });
}

describe('request validation at the edge', () => {
  it('accepts valid bodies without class-validator (the fast path is alive), as the stock pipe does', async () => {
    for (const body of [VALID, { channel: 'email', body: 'Hej' }, { body: 'Tack', visibility: 'internal' }]) {
      const cls: new () => object = 'channel' in body ? CreateInquiryDto : AddMessageDto;
      expect(instanceCheck(plainToInstance(cls, body) as object)).toBe(true);
      const [a, b] = [await outcome(fast, body, cls), await outcome(stock, body, cls)];
      expect(a).toEqual(b);
      expect(a.ok).toBe(true);
    }
  });

  it.each([['CreateInquiryDto', CreateInquiryDto], ['AddMessageDto', AddMessageDto]] as const)('answers altered %s bodies as the stock pipe does', async (_name, cls) => {
    const sample = cls === CreateInquiryDto ? VALID : { body: 'Tack', visibility: 'public' };
    await fc.assert(fc.asyncProperty(mutated(sample), async (body) => {
      expect(await outcome(fast, body, cls)).toEqual(await outcome(stock, body, cls));
    }), { numRuns: Number(process.env.PC_RUNS ?? 150) });
  });

  it('leaves a property without rules, nested or not, to class-validator, which names it', async () => {
    const nestedExtra = { ...VALID, citizen: { ...(VALID.citizen as object), shoeSize: 42 } };
    expect(instanceCheck(plainToInstance(CreateInquiryDto, nestedExtra) as object)).toBeUndefined();
    const answer = await outcome(fast, nestedExtra, CreateInquiryDto);
    expect(answer).toEqual(await outcome(stock, nestedExtra, CreateInquiryDto));
    expect(answer.problem).toMatch(/citizen\.shoeSize: property shoeSize should not exist/);
    expect((await outcome(fast, { ...VALID, extra: 1 }, CreateInquiryDto)).problem).toMatch(/extra: property extra should not exist/);
  });

  it('leaves a class without rules and a nested plain object to class-validator', () => {
    class NoRules { a?: string; }
    expect(instanceCheck(Object.assign(new NoRules(), { a: 'x' }))).toBeUndefined();
    const body = Object.assign(new CreateInquiryDto(), { channel: 'web', body: 'x', citizen: { name: 'A' } });
    expect(instanceCheck(body)).toBeUndefined();
  });
});

describe('input no service may take in', () => {
  const problemOf = async (body: unknown) => {
    const answer = await outcome(fast, body, CreateInquiryDto);
    expect(answer.ok).toBe(false);
    return JSON.parse(answer.problem!) as { status: number; detail: string; errors: Array<{ field: string }> };
  };

  it.each([
    ['a lone high surrogate', { channel: 'web', body: 'x\ud800' }, 'body'],
    ['a lone low surrogate', { channel: 'web', body: '\udc00x' }, 'body'],
    ['NUL', { channel: 'web', body: 'Hej\u0000' }, 'body'],
    ['NUL in a nested field', { channel: 'web', body: 'Hej', citizen: { name: 'A\u0000' } }, 'citizen.name'],
    ['a surrogate in a key', { channel: 'web', body: 'Hej', ['x\ud800']: 1 }, 'x?'],
    ['a constructor key', { channel: 'web', body: 'Hej', constructor: 'x' }, 'constructor'],
    ['a nested prototype key', { channel: 'web', body: 'Hej', citizen: { prototype: {} } }, 'citizen.prototype'],
    ['a __proto__ key', JSON.parse('{"channel":"web","body":"Hej","location":{"__proto__":{"lat":1}}}'), 'location.__proto__'],
    ['deep nesting', { channel: 'web', body: 'Hej', location: JSON.parse(`${'{"a":'.repeat(40)}1${'}'.repeat(40)}`) }, /^location(\.a)+$/],
  ])('refuses %s with 400 naming the field', async (_what, body, field) => {
    const p = await problemOf(body);
    expect(p.status).toBe(400);
    expect(p.errors).toEqual([{ field: expect.stringMatching(field instanceof RegExp ? field : `^${field.replace(/[.?[\]]/g, '\\$&')}$`), message: expect.any(String) }]);
  });

  it('keeps paired surrogates (emoji), tabs and line breaks', async () => {
    const answer = await outcome(fast, { channel: 'web', body: 'Lampan 💡 är släckt\n\tsedan i går' }, CreateInquiryDto);
    expect(answer.ok).toBe(true);
  });

  it.each([
    ['citizen as an array', { ...VALID, citizen: [] }, 'citizen'],
    ['citizen as an array of objects', { ...VALID, citizen: [{ name: 'A' }] }, 'citizen'],
    ['location as an array', { ...VALID, location: [{}] }, 'location'],
    ['attachments as arrays', { ...VALID, attachments: [[]] }, 'attachments'],
  ])('refuses %s, and the compiled rules agree with class-validator', async (_what, body, field) => {
    const instance = plainToInstance(CreateInquiryDto, structuredClone(body)) as object;
    expect(instanceCheck(instance)).not.toBe(true);
    const [a, b] = [await outcome(fast, body, CreateInquiryDto), await outcome(stock, body, CreateInquiryDto)];
    expect(a).toEqual(b);
    const p = JSON.parse(a.problem!);
    expect(p.status).toBe(400);
    expect(p.errors.map((e: { field: string }) => e.field)).toContain(field);
  });
});
