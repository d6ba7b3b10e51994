import request from 'supertest';
import { Client } from 'pg';
import { waitFor } from '@lotsen/testing';
import { startPlatform, TestPlatform } from '../support/platform';

/**
 * Staff search in intake: by reference, the citizen's e-mail address or phone number, or words,
 * within need-to-know, and every search in the audit trail without the address, number or words.
 */
describe('staff search (GET /v1/inquiries/search)', () => {
  let p: TestPlatform;
  let db: Client;
  const ids: Record<string, string> = {};
  const refs: Record<string, string> = {};
  const sigrid = { name: 'Sigrid Sök', email: 'Sigrid.Sok@Example.se' };
  /** What a hit the caller may not read must never show. */
  const SECRETS = ['Zorblampa', 'zorblampa', 'Sigrid', 'sigrid.sok', '1234567', 'Storgatan', 'Soptunnan'];

  const as = (key: string) => ({ 'x-api-key': key });
  const search = (key: string, query: string) => request(p.urls.intake!).get(`/v1/inquiries/search?${query}`).set(as(key));
  const found = async (key: string, q: string, extra = '') => {
    const res = await search(key, `q=${encodeURIComponent(q)}${extra}`).expect(200);
    return res.body as { kind: string; items: Array<Record<string, unknown>> };
  };
  const names = (items: Array<Record<string, unknown>>) => items.map((i) => Object.keys(ids).find((n) => ids[n] === i.id));

  async function register(name: string, body: Record<string, unknown>) {
    const res = await request(p.urls.intake!).post('/v1/inquiries').set(as(p.keys.web)).send({ channel: 'web', ...body }).expect(202);
    ids[name] = res.body.id;
    refs[name] = res.body.reference;
    await waitFor(`${name} routed`, async () => (await db.query(`SELECT 1 FROM intake.inquiries WHERE id = $1 AND department IS NOT NULL`, [res.body.id])).rowCount, 20000);
  }

  beforeAll(async () => {
    p = await startPlatform(['intake', 'routing']);
    db = new Client({ connectionString: p.env.databaseUrl });
    await db.connect();
    // Gata och park's fault report, a first-line question for the contact center, and a missed waste collection: one person, three units.
    await register('street', { category: 'street_lighting', subject: 'Trasig gatlampa', body: 'Zorblampan utanför Storgatan 5 är trasig.', citizen: { ...sigrid, phone: '070-123 45 67' } });
    await register('hours', { category: 'opening_hours_contact', body: 'När öppnar stadshuset? Zorblampa.', citizen: { email: 'sigrid.sok@example.se', phone: '+46701234567' } });
    await register('waste', { category: 'missed_waste_collection', body: 'Soptunnan tömdes inte. Zorblampa.', citizen: { email: sigrid.email.toUpperCase() } });
    await register('later', { category: 'opening_hours_contact', body: 'Zorblampa igen: har ni öppet på lördag? 100%_säker' });
    // A sensitive one (a personnummer in the text) with Gata och park.
    await register('secret', { category: 'street_lighting', body: 'Quuxlampa vid min port, jag heter Per, pnr 19121212-1212.', citizen: { phone: '070-999 88 77' } });
  }, 120_000);
  afterAll(async () => {
    await db?.end();
    await p?.close();
  });

  it('finds an inquiry by its reference in any case, in full for those whose work it is and redacted for everybody else', async () => {
    const own = await found(p.keys.department, refs.street.toLowerCase());
    expect(own.kind).toBe('reference');
    expect(own.items).toEqual([expect.objectContaining({
      id: ids.street, reference: refs.street, department: 'gata_park', category: 'street_lighting', channel: 'web', subject: 'Trasig gatlampa', redacted: false,
      summary: 'Zorblampan utanför Storgatan 5 är trasig.',
    })]);
    const other = await found(p.keys.department, ` ${refs.waste.toLowerCase()} `);
    expect(other.items).toEqual([{ id: ids.waste, reference: refs.waste, status: expect.any(String), department: 'vatten_avfall', category: 'missed_waste_collection', receivedAt: expect.any(String), redacted: true }]);
    for (const s of SECRETS) expect(JSON.stringify(other)).not.toContain(s);
    expect((await found(p.keys.department, 'KC-1999-000001')).items).toEqual([]);
  });

  it('finds the citizen by e-mail address in another case and with spaces, only in the work the caller may read', async () => {
    const agent = await found(p.keys.agent, '  SIGRID.sok@EXAMPLE.SE ');
    expect(agent.kind).toBe('email');
    expect(names(agent.items)).toEqual(['hours']);
    expect(names((await found(p.keys.department, 'sigrid.sok@example.se')).items)).toEqual(['street']);
    expect(names((await found(p.keys.supervisor, 'Sigrid.Sok@example.se')).items)).toEqual(['hours']);
    // Nothing of the waste collection case, not even that it exists: the person's cases elsewhere are not revealed.
    for (const key of [p.keys.agent, p.keys.department, p.keys.supervisor]) {
      const r = await found(key, sigrid.email);
      expect(r.items.map((i) => i.id)).not.toContain(ids.waste);
      for (const item of r.items) expect(item).not.toHaveProperty('citizen');
    }
  });

  it('finds the citizen by phone number however it is written', async () => {
    for (const form of ['0701234567', '+46 70 123 45 67', '070-123 45 67', '0046701234567']) {
      const dept = await found(p.keys.department, form);
      expect([form, dept.kind, names(dept.items)]).toEqual([form, 'phone', ['street']]);
      expect([form, names((await found(p.keys.agent, form)).items)]).toEqual([form, ['hours']]);
    }
  });

  it('finds words in the subject and text, newest first, and is no oracle on texts the caller may not read', async () => {
    const agent = await found(p.keys.agent, 'ZORBLAMPA');
    expect(agent.kind).toBe('text');
    expect(names(agent.items)).toEqual(['later', 'hours']);
    expect(names((await found(p.keys.agent, 'zorblampa', '&limit=1')).items)).toEqual(['later']);
    expect(names((await found(p.keys.department, 'zorblampa')).items)).toEqual(['street']);
    // Every word must be there; in the subject too.
    expect(names((await found(p.keys.department, 'gatlampa storgatan')).items)).toEqual(['street']);
    expect(names((await found(p.keys.agent, 'zorblampa storgatan')).items)).toEqual([]);
    // % and _ are themselves, not wildcards.
    expect(names((await found(p.keys.agent, '0%_s')).items)).toEqual(['later']);
    expect(names((await found(p.keys.agent, 'r%t')).items)).toEqual([]);
    expect(names((await found(p.keys.agent, 'st_dshuset')).items)).toEqual([]);
  });

  it('lists a sensitive inquiry only for its handling unit, and without its text; signed-in staff search as their keys do', async () => {
    const dept = await found(p.keys.department, 'quuxlampa');
    expect(dept.items).toEqual([{
      id: ids.secret, reference: refs.secret, status: expect.any(String), department: 'gata_park', category: 'street_lighting', receivedAt: expect.any(String),
      channel: 'web', sensitive: true, redacted: false,
    }]);
    expect(JSON.stringify(dept)).not.toMatch(/19121212|Per|Quuxlampa/);
    for (const key of [p.keys.agent, p.keys.supervisor]) expect((await found(key, 'quuxlampa')).items).toEqual([]);
    expect((await found(p.keys.supervisor, refs.secret)).items).toEqual([expect.objectContaining({ id: ids.secret, redacted: true })]);
    // Gustav, caseworker at Gata och park, and Amira, agent, signed in.
    const bearer = async (user: string, q: string) => (await request(p.urls.intake!).get(`/v1/inquiries/search?q=${encodeURIComponent(q)}`)
      .set({ authorization: `Bearer ${await p.identity.token(user)}` }).expect(200)).body as { items: Array<Record<string, unknown>> };
    expect(names((await bearer('gustav', 'zorblampa')).items)).toEqual(['street']);
    expect(names((await bearer('gustav', '0701234567')).items)).toEqual(['street']);
    expect(names((await bearer('amira', 'zorblampa')).items)).toEqual(['later', 'hours']);
    const [row] = (await db.query(`SELECT actor, actor_name, actor_kind FROM intake.audit_trail WHERE action = 'inquiry.search' ORDER BY id DESC LIMIT 1`)).rows;
    expect(row).toEqual({ actor: expect.any(String), actor_name: 'Amira Lind', actor_kind: 'person' });
  });

  it('records each search in the audit trail with its kind and the query masked, and no hit as a read', async () => {
    const { rows: before } = await db.query(`SELECT count(*)::int AS n FROM intake.audit_trail WHERE action = 'inquiry.search'`);
    await found(p.keys.department, 'Sigrid.Sok@Example.se');
    await found(p.keys.department, '070-123 45 67');
    await found(p.keys.department, 'Zorblampa trasig');
    await found(p.keys.department, refs.waste);
    const { rows } = await db.query(`SELECT * FROM intake.audit_trail WHERE action = 'inquiry.search' ORDER BY id DESC LIMIT 4`);
    const { rows: after } = await db.query(`SELECT count(*)::int AS n FROM intake.audit_trail WHERE action = 'inquiry.search'`);
    expect(after[0].n - before[0].n).toBe(4);
    expect(rows.reverse().map((r) => [r.actor, r.basis, r.target, r.inquiry_id])).toEqual([
      [expect.stringMatching(/^key:/), 'email', 'email s***@example.se; 1 hit (1 full, 0 redacted)', null],
      [expect.stringMatching(/^key:/), 'phone', 'phone ***67; 1 hit (1 full, 0 redacted)', null],
      [expect.stringMatching(/^key:/), 'text', 'text: 2 words, 16 characters; 1 hit (1 full, 0 redacted)', null],
      [expect.stringMatching(/^key:/), 'reference', `reference ${refs.waste}; 1 hit (0 full, 1 redacted)`, null],
    ]);
    const all = JSON.stringify((await db.query(`SELECT * FROM intake.audit_trail`)).rows).toLowerCase();
    for (const clear of ['sigrid', 'sok@', '123 45 67', '1234567', 'zorblampa', 'trasig']) expect([clear, all.includes(clear)]).toEqual([clear, false]);
    // Listing a hit is not reading it: only opening the inquiry is.
    expect((await db.query(`SELECT 1 FROM intake.audit_trail WHERE action = 'inquiry.read'`)).rowCount).toBe(0);
  });

  it('refuses a bad query with problem+json, and keys that are not staff', async () => {
    for (const query of ['q=a', 'q=%20%20a%20', 'q[]=ab', 'q=ab&q=cd', 'q=ab&foo=1', '', 'q=ab&limit=51', 'q=ab&limit=0', `q=${'x'.repeat(201)}`, 'q=ab%00cd', 'q=ab%09cd']) {
      const res = await search(p.keys.supervisor, query);
      expect([query, res.status, res.headers['content-type']]).toEqual([query, 400, expect.stringContaining('application/problem+json')]);
    }
    expect((await request(p.urls.intake!).get('/v1/inquiries/search?q=zorblampa')).status).toBe(401);
    expect((await search(p.keys.web, 'q=zorblampa')).status).toBe(403);
    expect((await search(p.keys.phone, `q=${encodeURIComponent(refs.street)}`)).status).toBe(403);
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM intake.audit_trail WHERE action = 'inquiry.search' AND actor_kind = 'system' AND roles = '{}'`);
    expect(rows[0].n).toBe(0);
  });
  it("lists the citizen's other inquiries beside one (GET /v1/inquiries/:id/earlier), within need-to-know and audited", async () => {
    const earlier = async (key: string, name: string) => {
      const res = await request(p.urls.intake!).get(`/v1/inquiries/${ids[name]}/earlier`).set(as(key)).expect(200);
      return (res.body as { items: Array<Record<string, unknown>> }).items;
    };
    // The same person writes to the contact center again, giving only their phone number, written another way.
    await register('again', { category: 'opening_hours_contact', body: 'Har ni öppet i jul?', citizen: { phone: '0701234567' } });
    expect(names(await earlier(p.keys.agent, 'hours'))).toEqual(['again']);
    expect(names(await earlier(p.keys.supervisor, 'again'))).toEqual(['hours']);
    // Gata och park's caseworker sees none of the person's cases with other units, and nothing of one that is not theirs.
    expect(await earlier(p.keys.department, 'street')).toEqual([]);
    const refused = await request(p.urls.intake!).get(`/v1/inquiries/${ids.waste}/earlier`).set(as(p.keys.department));
    expect([refused.status, refused.headers['content-type']]).toEqual([403, expect.stringContaining('application/problem+json')]);
    for (const s of SECRETS) expect(refused.text).not.toContain(s);
    // No contact data, no others: an empty list.
    expect(await earlier(p.keys.supervisor, 'later')).toEqual([]);
    const { rows } = await db.query(`SELECT inquiry_id, outcome, target FROM intake.audit_trail WHERE action = 'inquiry.earlier' ORDER BY id`);
    expect(rows.map((r: { inquiry_id: string; outcome: string }) => [Object.keys(ids).find((n) => ids[n] === r.inquiry_id), r.outcome])).toEqual([['hours', 'full'], ['again', 'full'], ['street', 'full'], ['waste', 'redacted'], ['later', 'full']]);
    for (const clear of ['sigrid', 'sok@', '1234567']) expect(JSON.stringify(rows).toLowerCase()).not.toContain(clear);
    expect((await request(p.urls.intake!).get('/v1/inquiries/not-a-uuid/earlier').set(as(p.keys.supervisor))).status).toBe(400);
    expect((await request(p.urls.intake!).get(`/v1/inquiries/${ids.street}/earlier`).set(as(p.keys.web))).status).toBe(403);
  });
});
