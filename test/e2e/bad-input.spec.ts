import { Client } from 'pg';
import request from 'supertest';
import { setLogSink } from '@lotsen/platform';
import { startPlatform, TestPlatform } from '../support/platform';

// Input no client may send is a 400 problem+json with nothing stored, through the JSON API and the
// e-tjänst form alike; and when something does fail (a 500), the log line carries no data of the
// request: never the failing statement's parameters.

describe('bad input at the edge, and what a 500 logs', () => {
  let p: TestPlatform;
  let db: Client;
  const logs: string[] = [];

  beforeAll(async () => {
    setLogSink({ write: (line: string) => logs.push(line) });
    p = await startPlatform(['intake'], { INTAKE_SMTP_ENABLED: 'false' });
    db = new Client({ connectionString: p.env.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    setLogSink(undefined);
    await db?.end();
    await p?.close();
  });

  const stored = async () => (await db.query('SELECT count(*)::int AS n FROM intake.inquiries')).rows[0].n as number;
  /** The body exactly as written: `\ud800` is a JSON escape of a lone surrogate, `\u0000` of NUL. */
  const postRaw = (json: string) => request(p.urls.intake!).post('/v1/inquiries').set('x-api-key', p.keys.web).set('content-type', 'application/json').send(json);

  it.each([
    ['a lone surrogate', '{"channel":"web","body":"x\\ud800"}', 'body'],
    ['NUL', '{"channel":"web","body":"Hej\\u0000"}', 'body'],
    ['NUL in the subject', '{"channel":"web","subject":"A\\u0000","body":"Hej"}', 'subject'],
    ['NUL in a citizen name', '{"channel":"web","body":"Hej","citizen":{"name":"Eva\\u0000"}}', 'citizen.name'],
    ['citizen as an array', '{"channel":"web","body":"Hej","citizen":[]}', 'citizen'],
    ['location as an array', '{"channel":"web","body":"Hej","location":[{"address":"Storgatan 1"}]}', 'location'],
    ['attachments as arrays', '{"channel":"web","body":"Hej","attachments":[[]]}', 'attachments'],
    ['a constructor key', '{"channel":"web","body":"Hej","constructor":"x"}', 'constructor'],
    ['a nested prototype key', '{"channel":"web","body":"Hej","citizen":{"prototype":"x"}}', 'citizen.prototype'],
    ['deep nesting', `{"channel":"web","body":"Hej","location":${'{"a":'.repeat(50)}1${'}'.repeat(50)}}`, 'location'],
  ])('POST /v1/inquiries with %s: 400 problem+json, nothing stored', async (_what, json, field) => {
    const before = await stored();
    const res = await postRaw(json);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^${field.replace('.', '\\.')}`))]));
    expect(await stored()).toBe(before);
  });

  it('the e-tjänst form with NUL in the text: 400, nothing stored', async () => {
    const form = await request(p.urls.intake!).get('/e-tjanst?lang=sv').expect(200);
    const cookie = String(form.headers['set-cookie']).split(';')[0];
    const csrf = /name="csrf" value="([^"]+)"/.exec(form.text)![1];
    const before = await stored();
    const res = await request(p.urls.intake!).post('/e-tjanst').set('cookie', cookie).set('content-type', 'application/x-www-form-urlencoded')
      .send(`csrf=${encodeURIComponent(csrf)}&lang=sv&body=Hej%00`);
    expect(res.status).toBe(400);
    expect(await stored()).toBe(before);
    // The same form, well-formed, registers.
    const ok = await request(p.urls.intake!).post('/e-tjanst').set('cookie', cookie).type('form').send({ csrf, lang: 'sv', body: 'Hej' });
    expect(ok.status).toBe(200);
    expect(await stored()).toBe(before + 1);
  });

  it('a 500 logs the error without the statement, its parameters or the inquiry it carried', async () => {
    // A constraint the request cannot know about: the insert fails inside the database.
    await db.query(`ALTER TABLE intake.inquiries ADD CONSTRAINT refuse_marker CHECK (body NOT LIKE '%Grannfejd%')`);
    try {
      logs.length = 0;
      const res = await request(p.urls.intake!).post('/v1/inquiries').set('x-api-key', p.keys.web).send({
        channel: 'web', body: 'Grannfejd: Olle Svensson på Storgatan 4 spelar hög musik.', citizen: { name: 'Karin Berg', email: 'karin.berg@example.se' },
      });
      expect(res.status).toBe(500);
      expect(res.body).toMatchObject({ status: 500, detail: 'An unexpected error occurred.' });
      const errors = logs.filter((l) => /"level":50/.test(l));
      expect(errors.length).toBeGreaterThan(0);
      expect(errors.join('\n')).toMatch(/refuse_marker/);
      for (const line of logs) expect(line).not.toMatch(/Olle|Storgatan|Karin|karin\.berg|Grannfejd|"parameters"|"query"|INSERT INTO/);
    } finally {
      await db.query(`ALTER TABLE intake.inquiries DROP CONSTRAINT refuse_marker`);
    }
  });
});
