import request from 'supertest';
import { Client } from 'pg';
import { waitFor } from '@lotsen/testing';
import { accessRequest, erasureRequest, rectificationRequest, renderHtml, renderPdf, ServiceUrls } from '../../scripts/registerutdrag';
import { ensureChromium } from '../support/chromium';
import { everyRow } from '../support/retention-scan';
import { startPlatform, TestPlatform } from '../support/platform';

/**
 * A person's rights across the four services: a registerutdrag that lists every item each service
 * holds, and an erasure that removes what no law keeps and says why the rest stays, without
 * revealing a secret case that names the person.
 */
describe("the citizen's rights (registerutdrag, erasure, rectification)", () => {
  let p: TestPlatform;
  let db: Client;
  let urls: ServiceUrls;
  const anna = { email: 'anna.rattigheter@example.se', phone: '070-765 43 21', personnummer: '19121212-1212' };
  const ids: Record<string, string> = {};

  const staff = (key: string) => ({ 'x-api-key': key });

  async function register(name: string, key: string, body: Record<string, unknown>) {
    const res = await request(p.urls.intake!).post('/v1/inquiries').set(staff(key)).send(body).expect(202);
    ids[name] = res.body.id;
    await waitFor(`${name} routed`, async () => (await request(p.urls.routing!).get(`/v1/work/${res.body.id}`).set(staff(p.keys.supervisor))).status === 200, 20000);
  }

  async function answerAndResolve(name: string, answer: string) {
    await request(p.urls.routing!).post(`/v1/work/${ids[name]}/answer`).set(staff(p.keys.supervisor)).send({ text: answer }).expect(200);
    await request(p.urls.routing!).post(`/v1/work/${ids[name]}/resolve`).set(staff(p.keys.supervisor)).send({ resolutionCode: 'answered' }).expect(200);
  }

  beforeAll(async () => {
    p = await startPlatform(['intake', 'routing', 'notifications', 'reporting']);
    urls = { intake: p.urls.intake!, routing: p.urls.routing!, notifications: p.urls.notifications!, reporting: p.urls.reporting! };
    db = new Client({ connectionString: p.env.databaseUrl });
    await db.connect();
    await register('library', p.keys.web, {
      channel: 'web', category: 'library', subject: 'Lånekort Rattmark', body: 'Jag har tappat mitt lånekort. Rattmarkord.',
      citizen: { name: 'Anna Rättighet', email: anna.email, notify: true },
    });
    await answerAndResolve('library', 'Hej Anna, ett nytt lånekort får du i lånedisken. Svarmarkord.');
    await register('open', p.keys.phone, { channel: 'phone', category: 'street_lighting', body: 'Lampan vid min infart är släckt. Öppenmarkord.', citizen: { phone: '+46707654321', notify: false } });
    await register('mail', p.keys.email, { channel: 'email', category: 'library', subject: 'Fråga', body: 'Har ni ljudböcker? Mejlmarkord.', citizen: { email: anna.email.toUpperCase(), notify: false } });
    await answerAndResolve('mail', 'Ja, vi har ljudböcker.');
    await register('held', p.keys.web, { channel: 'web', category: 'pothole_road_damage', body: 'Min bil skadades i ett hål. Hållmarkord.', citizen: { email: anna.email, notify: false } });
    await answerAndResolve('held', 'Vi utreder skadan.');
    await request(p.urls.routing!).put(`/v1/inquiries/${ids.held}/legal-hold`).set(staff(p.keys.supervisor)).send({ reason: 'Skadeståndsärende' }).expect(200);
    // Someone else reports the person to social services: secret, and not the person's to see or erase.
    await register('secret', p.keys.web, {
      channel: 'web', body: 'Jag är orolig för min granne, pnr 121212-1212, som inte klarar sig själv. Hemligmarkord.',
      citizen: { name: 'Granne Grannsson', email: 'granne@example.se', notify: false },
    });
    await waitFor('notifications and reporting to hold the cases', async () => {
      const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM notifications.deliveries WHERE trigger = 'answer' AND inquiry_id = $1`, [ids.library])).rows;
      const k = await request(p.urls.reporting!).get('/v1/kpis').set(staff(p.keys.supervisor));
      return n === 1 && k.body.volume?.received === 5;
    }, 30000);
  }, 180_000);

  afterAll(async () => {
    await db?.end();
    await p?.close();
  });

  it('lists everything every service holds about the person, and withholds the secret case that names them', async () => {
    const doc = await accessRequest(urls, p.keys.admin, anna);
    expect(doc.inquiries.map((i) => i.id).sort()).toEqual([ids.library, ids.open, ids.mail, ids.held].sort());
    expect(doc.withheld).toEqual({ count: 1, reason: expect.stringContaining('sekretess') });
    expect(JSON.stringify(doc)).not.toContain('Hemligmarkord');
    expect(JSON.stringify(doc)).not.toContain('Granne');
    const library = doc.inquiries.find((i) => i.id === ids.library)!;
    expect(library.intake).toMatchObject({ body: expect.stringContaining('Rattmarkord'), citizen: expect.objectContaining({ email: anna.email }) });
    expect(library.intake.thread).toEqual([expect.objectContaining({ body: expect.stringContaining('Svarmarkord') })]);
    expect(library.routing.decision).toMatchObject({ body: expect.stringContaining('Rattmarkord') });
    expect(library.routing.history.map((h) => h.action)).toEqual(expect.arrayContaining(['routed', 'answered', 'resolved']));
    expect(library.notifications.recipient).toMatchObject({ email: anna.email });
    expect(library.notifications.messages).toEqual(expect.arrayContaining([expect.objectContaining({ trigger: 'answer', text: expect.stringContaining('Svarmarkord') })]));
    expect(library.reporting.topicWords.length).toBeGreaterThan(0);
    // Each service's trail names who read the person's cases for the request.
    for (const service of ['intake', 'routing', 'notifications', 'reporting']) {
      const action = service === 'intake' ? 'data-subject.search' : 'data-subject.export';
      const { rows } = await db.query(`SELECT actor FROM ${service}.audit_trail WHERE inquiry_id = $1 AND action = $2 AND basis = 'access request'`, [ids.library, action]);
      expect({ service, rows: rows.length }).toEqual({ service, rows: 1 });
    }

    const html = renderHtml(doc, 'demo');
    expect(html).toContain('Rattmarkord');
    ensureChromium();
    const pdf = await renderPdf(html);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(1000);
  }, 120_000);

  it("erases the person's inquiries where no law keeps them, says why the rest stays, and records the request", async () => {
    const result = await erasureRequest(urls, p.keys.admin, anna, 'Begäran 2026/17');
    const verdict = Object.fromEntries(result.inquiries.map((i: { inquiryId: string }) => [i.inquiryId, i]));
    expect(verdict[ids.library]).toMatchObject({ erased: true });
    expect(verdict[ids.open]).toMatchObject({ erased: false, keptBecause: expect.stringContaining('still being handled') });
    expect(verdict[ids.mail]).toMatchObject({ erased: false, keptBecause: expect.stringContaining('public record') });
    expect(verdict[ids.held]).toMatchObject({ erased: false, keptBecause: 'legal hold: Skadeståndsärende' });
    expect(verdict[ids.secret]).toBeUndefined();
    expect(result.notes).toEqual([expect.stringContaining('1 further inquiries are kept: Secrecy')]);
    expect(JSON.stringify(result)).not.toContain(ids.secret);

    await waitFor('every service to erase its copy', async () => {
      const runs = await request(p.urls.routing!).get('/v1/retention/runs').set(staff(p.keys.admin)).expect(200);
      const run = runs.body.find((r: { runId: string }) => r.runId === result.runId);
      return run && Object.values(run.done).every((n) => n === 1);
    }, 30000);
    const all = await everyRow(db);
    for (const gone of ['Rattmarkord', 'Svarmarkord', 'Rättighet']) expect({ gone, found: all.includes(gone) }).toEqual({ gone, found: false });
    for (const stays of ['Öppenmarkord', 'Mejlmarkord', 'Hållmarkord', 'Hemligmarkord']) expect({ stays, found: all.includes(stays) }).toEqual({ stays, found: true });

    const audit = await request(p.urls.intake!).get('/v1/data-subjects/requests').set(staff(p.keys.admin)).expect(200);
    expect(audit.body.map((r: { kind: string }) => r.kind)).toEqual(['erasure', 'access']);
    expect(audit.body[0]).toMatchObject({ requestedBy: expect.any(String), subject: 'email a***@example.se, phone ***21, personnummer ******-**12' });
    expect(JSON.stringify(audit.body)).not.toContain(anna.email);
    const runs = await request(p.urls.routing!).get('/v1/retention/runs').set(staff(p.keys.admin)).expect(200);
    expect(runs.body[0]).toMatchObject({ purpose: 'erasure', reason: 'Begäran 2026/17', requestedBy: 'demo-admin' });
  }, 120_000);

  it("rectifies a person's contact data in intake and in notifications, so the next message reaches the corrected address", async () => {
    const bo = { old: 'bo.gammal@example.se', corrected: 'bo.ny@example.se' };
    await register('bo', p.keys.web, {
      channel: 'web', category: 'library', body: 'Kan jag låna e-böcker? Bomarkord.', citizen: { name: 'Bo Fel', email: bo.old, phone: '070-111 22 33', notify: true },
    });
    await waitFor('notifications to hold the recipient', async () => (await db.query(`SELECT 1 FROM notifications.recipients WHERE inquiry_id = $1 AND NOT placeholder`, [ids.bo])).rowCount === 1, 20000);
    const requestsBefore = (await db.query(`SELECT count(*)::int AS n FROM intake.data_subject_requests`)).rows[0].n;

    for (const bad of [
      { email: bo.old, correct: {}, reason: 'r' }, { email: bo.old, correct: [], reason: 'r' }, { email: bo.old, correct: { email: 'not-an-address' }, reason: 'r' },
      { email: bo.old, correct: { email: bo.corrected } }, { correct: { email: bo.corrected }, reason: 'r' }, { email: bo.old, correct: { email: bo.corrected }, reason: 'r\u0000' }, { email: bo.old, correct: { email: bo.corrected, admin: true }, reason: 'r' },
    ]) {
      const res = await request(p.urls.intake!).post('/v1/data-subjects/rectify').set(staff(p.keys.admin)).send(bad);
      expect({ bad, status: res.status, type: res.headers['content-type'] }).toEqual({ bad, status: 400, type: expect.stringContaining('application/problem+json') });
    }
    await request(p.urls.intake!).post('/v1/data-subjects/rectify').set(staff(p.keys.agent)).send({ email: bo.old, correct: { email: bo.corrected }, reason: 'r' }).expect(403);
    expect((await db.query(`SELECT count(*)::int AS n FROM intake.data_subject_requests`)).rows[0].n).toBe(requestsBefore);

    const rectified = await rectificationRequest(urls, p.keys.admin, { email: bo.old.toUpperCase() }, { email: bo.corrected, name: 'Bo Rätt' }, 'Begäran 2026/77');
    expect(rectified).toMatchObject({ fields: ['name', 'email'], inquiries: [expect.stringMatching(/^[A-Z]+-/)] });
    const [{ citizen }] = (await db.query(`SELECT citizen FROM intake.inquiries WHERE id = $1`, [ids.bo])).rows;
    expect(citizen).toMatchObject({ name: 'Bo Rätt', email: bo.corrected, phone: '070-111 22 33', notify: true });
    await waitFor('notifications to take the correction', async () => {
      const { rows } = await db.query(`SELECT citizen_name, email, phone FROM notifications.recipients WHERE inquiry_id = $1`, [ids.bo]);
      return rows[0]?.email === bo.corrected && rows[0]?.citizen_name === 'Bo Rätt' && rows[0]?.phone === '070-111 22 33';
    }, 20000);

    await request(p.urls.routing!).post(`/v1/work/${ids.bo}/answer`).set(staff(p.keys.supervisor)).send({ text: 'Ja, i appen. Bosvar.' }).expect(200);
    await waitFor('the answer to go to the corrected address', async () => {
      const { rows } = await db.query(`SELECT recipient FROM notifications.deliveries WHERE inquiry_id = $1 AND trigger = 'answer'`, [ids.bo]);
      return rows.length === 1 && rows[0].recipient === bo.corrected;
    }, 20000);

    const audit = await request(p.urls.intake!).get('/v1/data-subjects/requests').set(staff(p.keys.admin)).expect(200);
    expect(audit.body[0]).toMatchObject({ kind: 'rectification', subject: 'email B***@EXAMPLE.SE', inquiries: 1, outcome: { fields: ['name', 'email'], reason: 'Begäran 2026/77' } });
    expect(JSON.stringify(audit.body)).not.toContain(bo.corrected);
    expect((await db.query(`SELECT count(*)::int AS n FROM reporting.events WHERE type = 'inquiry.contact.rectified'`)).rows[0].n).toBe(0);
    const doc = await accessRequest(urls, p.keys.admin, { email: bo.corrected });
    expect(doc.inquiries.map((i) => i.id)).toEqual([ids.bo]);
  }, 120_000);
});
