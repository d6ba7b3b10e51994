import fc from 'fast-check';
import { Client } from 'pg';
import request from 'supertest';
import { CHANNELS } from '@lotsen/contracts';
import { startPlatform, TestPlatform } from '../support/platform';
import { FUZZ_RUNS, FUZZ_TIMEOUT_MS } from './fuzz-runs';
import { arrayForObject, deeplyNested, hostileString, hostileValue, prototypeKey, withPrototypeKey } from './hostile-input';

// Property: whatever arrives at intake's JSON API, the answer is never a 5xx, the process keeps
// serving, and a request that is not accepted stores nothing (no inquiry, no outbox row).

describe('fuzzing the intake JSON API', () => {
  let p: TestPlatform;
  let db: Client;
  beforeAll(async () => {
    p = await startPlatform(['intake'], { OUTBOX_RELAY: 'false' });
    db = new Client({ connectionString: p.env.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await p?.close();
  });

  const stored = async () => (await db.query(`SELECT (SELECT count(*) FROM intake.inquiries)::int + (SELECT count(*) FROM intake.outbox)::int AS n`)).rows[0].n as number;

  const citizen = fc.record({ email: fc.oneof(fc.emailAddress(), fc.string()), phone: fc.string(), notify: fc.anything(), name: hostileString() }, { requiredKeys: [] });
  const location = fc.record({ lat: fc.double(), lon: fc.double(), address: hostileString() }, { requiredKeys: [] });
  const almostValid = fc.record(
    {
      channel: fc.oneof(fc.constantFrom(...CHANNELS), fc.string(), fc.integer(), fc.constant(null)),
      subject: fc.oneof(fc.string({ maxLength: 300 }), hostileString(), fc.integer(), fc.constant(null)),
      body: fc.oneof(fc.string({ maxLength: 500 }), fc.string({ maxLength: 200, unit: 'grapheme' }), hostileString(200), fc.array(fc.string()), fc.constant('')),
      language: fc.oneof(fc.constantFrom('sv', 'en', 'xx', 'SV', ''), fc.string({ maxLength: 5 })),
      category: fc.oneof(fc.constantFrom('gatubelysning', 'x'), fc.string({ maxLength: 70 })),
      type: fc.oneof(fc.constantFrom('complaint', 'praise', 'nope'), fc.string()),
      citizen: fc.oneof(fc.anything(), citizen, arrayForObject(citizen), withPrototypeKey(citizen), deeplyNested),
      location: fc.oneof(fc.anything(), location, arrayForObject(location), withPrototypeKey(location), deeplyNested),
      receivedAt: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.string()),
      attachments: fc.oneof(fc.anything(), fc.array(fc.record({ filename: hostileString(), contentType: fc.string(), size: fc.integer() }), { maxLength: 12 }), arrayForObject(fc.anything())),
      extra: fc.oneof(fc.anything(), hostileValue),
    },
    { requiredKeys: [] },
  );
  /** Valid but for one hostile part: these reach the database unless the edge stops them. */
  const validButOne = fc.record({
    channel: fc.constant('web'),
    body: fc.oneof(fc.constant('Lampan är trasig'), hostileString(200)),
    subject: fc.option(hostileString(), { nil: undefined }),
    citizen: fc.option(fc.oneof(citizen, arrayForObject(citizen)), { nil: undefined }),
    location: fc.option(fc.oneof(location, arrayForObject(location)), { nil: undefined }),
  }, { requiredKeys: ['channel', 'body'] });
  /** Sometimes with a prototype key at the top as well, or a hostile key of any name. */
  const hostileBody = fc.oneof(
    almostValid,
    validButOne,
    withPrototypeKey(validButOne),
    withPrototypeKey(almostValid),
    fc.tuple(almostValid, prototypeKey, hostileValue).map(([b, k, v]) => JSON.parse(JSON.stringify({ ...b, [k]: v }))),
  );

  it('JSON bodies of any shape', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileBody, fc.anything(), hostileValue), fc.option(fc.string({ maxLength: 300 })), async (body, idemKey) => {
        const before = await stored();
        const req = request(p.urls.intake!).post('/v1/inquiries').set('x-api-key', p.keys.web);
        if (idemKey !== null) {
          try { req.set('Idempotency-Key', idemKey); } catch { /* header value the HTTP client itself refuses */ }
        }
        const res = await req.set('content-type', 'application/json').send(JSON.stringify(body) ?? '');
        expect(res.status).toBeLessThan(500);
        if (res.status !== 202) {
          expect(res.headers['content-type']).toMatch(/problem\+json/);
          expect(await stored()).toBe(before);
        }
      }),
      { numRuns: FUZZ_RUNS },
    );
  }, FUZZ_TIMEOUT_MS);

  it('raw bytes with any content type', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1'), async (bytes, type) => {
        const before = await stored();
        const res = await request(p.urls.intake!).post('/v1/inquiries').set('x-api-key', p.keys.web).set('content-type', type).send(Buffer.from(bytes));
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        expect(await stored()).toBe(before);
      }),
      { numRuns: FUZZ_RUNS },
    );
  }, FUZZ_TIMEOUT_MS);

  it('paths, tokens and keys on the read and message endpoints', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 80 }), fc.string({ maxLength: 120 }), fc.oneof(fc.constant(p.keys.agent), fc.string({ maxLength: 60 })), async (id, token, key) => {
        const path = `/v1/inquiries/${encodeURIComponent(id)}`;
        const a = await request(p.urls.intake!).get(path).query({ token }).set('x-api-key', key.replace(/[^\x21-\x7e]/g, '') || 'x');
        expect(a.status).toBeLessThan(500);
        const before = await stored();
        const b = await request(p.urls.intake!).post(`${path}/messages`).query({ token }).send({ body: id || 'x' });
        expect(b.status).toBeLessThan(500);
        if (b.status >= 400) expect(await stored()).toBe(before);
      }),
      { numRuns: FUZZ_RUNS },
    );
  }, FUZZ_TIMEOUT_MS);

  it('e-tjänst form posts (with a valid CSRF token): any fields answer 200 or 4xx, a refusal stores nothing', async () => {
    const page = await request(p.urls.intake!).get('/e-tjanst?lang=sv').expect(200);
    const cookie = String(page.headers['set-cookie']).split(';')[0];
    const csrf = /name="csrf" value="([^"]+)"/.exec(page.text)![1];
    const name = fc.oneof(fc.constantFrom('body', 'subject', 'category', 'address', 'lat', 'lon', 'name', 'email', 'phone', 'notify', 'lang', 'kommun', 'website', 'csrf'), prototypeKey, fc.string({ maxLength: 12 }));
    const value = fc.oneof(hostileString(200), fc.constantFrom('', 'street_lighting', '59,2', '200', 'a@b.se', 'yes'), fc.string({ maxLength: 100 }));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(name, value), { maxLength: 12 }), fc.boolean(), async (pairs, raw) => {
        const before = await stored();
        const form = new URLSearchParams([['csrf', csrf], ['lang', 'sv'], ['body', 'Hej'], ...pairs]).toString();
        // Raw: percent-escapes of lone surrogate and NUL bytes as a client may send them.
        const encoded = raw ? `${form}&body=%00%ED%A0%80&subject=%C0%80` : form;
        const res = await request(p.urls.intake!).post('/e-tjanst').set('cookie', cookie).set('content-type', 'application/x-www-form-urlencoded').send(encoded);
        expect(res.status).toBeLessThan(500);
        if (res.status !== 200) expect(await stored()).toBe(before);
      }),
      { numRuns: FUZZ_RUNS },
    );
  }, FUZZ_TIMEOUT_MS);

  it('still serves after all of that', async () => {
    await request(p.urls.intake!).post('/v1/inquiries').set('x-api-key', p.keys.web).send({ channel: 'web', body: 'Fungerar det fortfarande?' }).expect(202);
  });
});
