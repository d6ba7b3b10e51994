// The public-record register (diarium): inbound mail over real SMTP and letters registered by the
// letter channel, listed, searched and exported by staff; sekretess marks masking what they cover for
// readers without clearance; and the entry a gallrad case leaves behind, as the tenant's rule says.
import request from 'supertest';
import { Client } from 'pg';
import nodemailer, { SendMailOptions } from 'nodemailer';
import { EventTypes, InquiryRetentionDuePayload } from '@lotsen/contracts';
import { waitFor } from '@lotsen/testing';
import { randomUUID } from 'crypto';
import { SmtpListener } from '../../apps/intake/src/email/smtp-listener';
import { EventBus } from '../support/notifications-kit';
import { startPlatform, TestPlatform } from '../support/platform';

describe('the public-record register (diarium)', () => {
  let p: TestPlatform;
  let db: Client;
  let bus: EventBus;
  const key = (k: string) => ({ 'x-api-key': k });
  const docs: Record<'mailGreta' | 'mailOlle' | 'letterKarin' | 'letterBo', { id: string; inquiryId: string; reference: string }> = {} as never;

  const send = (port: number, mail: SendMailOptions) => {
    const t = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true, allowInternalNetworkInterfaces: true } as never);
    return t.sendMail(mail).finally(() => t.close());
  };
  const register = (query: string, k = p.keys.supervisor) => request(p.urls.intake!).get(`/v1/register${query}`).set(key(k));

  async function intakeText(): Promise<string> {
    const tables: { t: string }[] = (await db.query(`SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'intake' AND table_type = 'BASE TABLE'`)).rows;
    const parts: string[] = [];
    for (const { t } of tables) for (const r of (await db.query(`SELECT x::text AS row FROM intake."${t}" x`)).rows) parts.push(r.row);
    return parts.join('\n');
  }

  beforeAll(async () => {
    p = await startPlatform(['intake'], { INTAKE_SMTP_PORT: '0' });
    db = new Client({ connectionString: p.env.databaseUrl });
    await db.connect();
    bus = await EventBus.open(p);
    const port = p.apps.intake!.get(SmtpListener).port;
    await send(port, { from: 'Greta Lund <greta.lund@example.se>', to: 'kontakt@demo.lotsen.se', subject: 'Bygglov Storgatan 5', text: 'Hej, jag undrar över bygglovet. Greta Lund, 070-111 22 33' });
    await send(port, { from: 'Olle Berg <olle.berg@example.se>', to: 'kontakt@demo.lotsen.se', subject: 'Skolskjuts till Rosenskolan', text: 'Min son behöver skolskjuts. Olle' });
    for (const [name, subject, body] of [['Karin Ek', 'Överklagande av beslut om försörjningsstöd', 'Jag överklagar beslutet. Karin Ek, Ekvägen 3'], ['Bo Strand', 'Synpunkt på snöröjningen', 'Snöröjningen på Strandvägen är dålig. Bo Strand']]) {
      const r = await request(p.urls.intake!).post('/v1/inquiries').set(key(p.keys.letter)).send({ channel: 'letter', subject, body, citizen: { name } }).expect(202);
      docs[name === 'Karin Ek' ? 'letterKarin' : 'letterBo'] = { id: r.body.id, inquiryId: r.body.id, reference: r.body.reference };
    }
    await waitFor('both mails registered', async () => (await db.query(`SELECT count(*)::int AS n FROM intake.email_messages WHERE inquiry_id IS NOT NULL`)).rows[0].n === 2, 20000);
    for (const [k, sender] of [['mailGreta', 'greta.lund@example.se'], ['mailOlle', 'olle.berg@example.se']] as const) {
      const [row] = (await db.query(`SELECT e.id, e.inquiry_id AS "inquiryId", i.reference FROM intake.email_messages e JOIN intake.inquiries i ON i.id = e.inquiry_id WHERE e.from_address = $1`, [sender])).rows;
      docs[k] = row;
    }
  }, 60000);

  afterAll(async () => {
    await bus?.close();
    await db?.end();
    await p?.close();
  });

  it('lists every registered mail and letter, and searches by registration date, sender, subject and reference', async () => {
    const all = await register('').expect(200);
    expect(all.body.total).toBe(4);
    expect(all.body.documents.map((d: { kind: string; sender: string }) => `${d.kind} ${d.sender}`).sort()).toEqual([
      'email Greta Lund <greta.lund@example.se>', 'email Olle Berg <olle.berg@example.se>', 'letter Bo Strand', 'letter Karin Ek',
    ]);
    // The register's days are the municipality's (demo: Europe/Stockholm), not UTC's.
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
    const ids = async (q: string) => (await register(q).expect(200)).body.documents.map((d: { id: string }) => d.id).sort();
    expect(await ids('?sender=greta')).toEqual([docs.mailGreta.id]);
    expect(await ids('?subject=SKOLSKJUTS')).toEqual([docs.mailOlle.id]);
    expect(await ids(`?reference=${docs.letterBo.reference.toLowerCase()}`)).toEqual([docs.letterBo.id]);
    expect(await ids('?subject=100%25')).toEqual([]);
    expect((await register(`?from=2020-01-01&to=2020-12-31`).expect(200)).body).toEqual({ total: 0, documents: [] });
    expect((await register(`?from=${today}&to=${today}&limit=1`).expect(200)).body).toMatchObject({ total: 4, documents: [expect.anything()] });
    const one = (await register(`?reference=${docs.mailGreta.reference}`).expect(200)).body.documents[0];
    expect(one).toMatchObject({ kind: 'email', reference: docs.mailGreta.reference, inquiryId: docs.mailGreta.inquiryId, subject: 'Bygglov Storgatan 5', disposition: 'inquiry', gallrad: false, secrecy: null });

    const csv = await register('/export.csv?sender=example.se').expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('registered_at,kind,reference,sender,subject,secret_parts,legal_ground,gallrad');
    expect(lines.slice(1).sort()).toEqual([
      expect.stringContaining(`,email,${docs.mailGreta.reference},Greta Lund <greta.lund@example.se>,Bygglov Storgatan 5,,,false`),
      expect.stringContaining(`,email,${docs.mailOlle.reference},Olle Berg <olle.berg@example.se>,Skolskjuts till Rosenskolan,,,false`),
    ].sort((a, b) => String(a).localeCompare(String(b))) as never);
  });

  it('refuses bad searches, marks and rules with 400 problem+json and stores nothing', async () => {
    const r = request(p.urls.intake!);
    const doc = `/v1/register/letter/${docs.letterKarin.id}/secrecy`;
    const checks: [request.Test, number, string][] = [
      [register('?from=yesterday'), 400, 'validation'],
      [register('?from=2026-02-30'), 400, 'validation'],
      [register('?from=2026-05-01&to=2026-04-01'), 400, 'invalid-range'],
      [register('?limit=0'), 400, 'validation'],
      [register('?limit=abc'), 400, 'validation'],
      [register('?sender=a'), 400, 'validation'],
      [register('?colour=red'), 400, 'validation'],
      [register('/export.csv?to=31/12/2026'), 400, 'validation'],
      [r.put(doc).set(key(p.keys.admin)).send({ parts: ['sender'], legalGround: 'because' }), 400, 'validation'],
      [r.put(doc).set(key(p.keys.admin)).send({ parts: ['sender'] }), 400, 'validation'],
      [r.put(doc).set(key(p.keys.admin)).send({ parts: [], legalGround: 'OSL 26 kap. 1 §' }), 400, 'validation'],
      [r.put(doc).set(key(p.keys.admin)).send({ parts: ['whole'], legalGround: 'OSL 26 kap. 1 §' }), 400, 'validation'],
      [r.put(doc).set(key(p.keys.admin)).send({ parts: 'sender', legalGround: 'OSL 26 kap. 1 §' }), 400, 'validation'],
      [r.put(`/v1/register/fax/${docs.letterKarin.id}/secrecy`).set(key(p.keys.admin)).send({ parts: ['sender'], legalGround: 'OSL 26 kap. 1 §' }), 400, 'validation'],
      [r.put('/v1/register/letter/not-a-uuid/secrecy').set(key(p.keys.admin)).send({ parts: ['sender'], legalGround: 'OSL 26 kap. 1 §' }), 400, 'validation'],
      [r.put(`/v1/register/letter/${randomUUID()}/secrecy`).set(key(p.keys.admin)).send({ parts: ['sender'], legalGround: 'OSL 26 kap. 1 §' }), 404, 'not-found'],
      [r.put(`/v1/register/email/${docs.letterKarin.id}/secrecy`).set(key(p.keys.admin)).send({ parts: ['sender'], legalGround: 'OSL 26 kap. 1 §' }), 404, 'not-found'],
      [r.post(`${doc}/lift`).set(key(p.keys.admin)), 404, 'not-secret'],
      [r.put(doc).set(key(p.keys.supervisor)).send({ parts: ['sender'], legalGround: 'OSL 26 kap. 1 §' }), 403, 'forbidden'],
      [register('', p.keys.agent), 403, 'forbidden'],
      [r.put('/v1/register/policy').set(key(p.keys.admin)).send({ atGallring: 'forever' }), 400, 'validation'],
      [r.put('/v1/register/policy').set(key(p.keys.admin)).send({}), 400, 'validation'],
    ];
    for (const [i, [req, status, slug]] of checks.entries()) {
      const res = await req;
      expect({ check: i, status: res.status, type: res.headers['content-type'] }).toEqual({ check: i, status, type: expect.stringMatching(/^application\/problem\+json/) });
      expect({ check: i, slug: String(res.body.type) }).toEqual({ check: i, slug: expect.stringContaining(slug) });
    }
    expect((await db.query(`SELECT (SELECT count(*) FROM intake.register_secrecy) + (SELECT count(*) FROM intake.register_policies) AS n`)).rows[0].n).toBe('0');
    expect((await r.get('/v1/register/policy').set(key(p.keys.admin)).expect(200)).body).toMatchObject({ atGallring: 'keep-entry' });
  });

  it('masks what sekretess covers for readers without clearance, in lists, searches, documents and exports', async () => {
    const r = request(p.urls.intake!);
    const doc = `/v1/register/letter/${docs.letterKarin.id}`;
    const marked = await r.put(`${doc}/secrecy`).set(key(p.keys.admin)).send({ parts: ['sender', 'content'], legalGround: 'OSL 26 kap. 1 §' }).expect(200);
    expect(marked.body).toMatchObject({ sender: 'Karin Ek', secrecy: { parts: ['sender', 'content'], legalGround: 'OSL 26 kap. 1 §', markedBy: expect.any(String) } });

    const masked = '[sekretess: OSL 26 kap. 1 §]';
    const forSupervisor = (await r.get(doc).set(key(p.keys.supervisor)).expect(200)).body;
    expect(forSupervisor).toMatchObject({ sender: masked, content: masked, subject: 'Överklagande av beslut om försörjningsstöd', reference: docs.letterKarin.reference });
    const forAdmin = (await r.get(doc).set(key(p.keys.admin)).expect(200)).body;
    expect(forAdmin).toMatchObject({ sender: 'Karin Ek', content: expect.stringContaining('Ekvägen 3') });

    // A search on a secret part would tell the reader who it is: it finds nothing without clearance.
    expect((await register('?sender=Karin').expect(200)).body.total).toBe(0);
    expect((await register('?sender=Karin', p.keys.admin).expect(200)).body.total).toBe(1);
    expect((await register('?subject=försörjningsstöd').expect(200)).body.documents).toEqual([expect.objectContaining({ sender: masked })]);

    const csv = (await register('/export.csv').expect(200)).text;
    expect(csv).not.toContain('Karin Ek');
    expect(csv).toContain(`${docs.letterKarin.reference},${masked},Överklagande av beslut om försörjningsstöd,sender content,OSL 26 kap. 1 §,false`);
    expect((await register('/export.csv', p.keys.admin).expect(200)).text).toContain('Karin Ek');

    // Lifted, and marked again on the subject only.
    expect((await r.post(`${doc}/secrecy/lift`).set(key(p.keys.admin)).expect(200)).body).toMatchObject({ sender: 'Karin Ek', secrecy: null });
    await r.put(`${doc}/secrecy`).set(key(p.keys.admin)).send({ parts: ['subject'], legalGround: 'OSL 26 kap. 1 §' }).expect(200);
    expect((await r.get(doc).set(key(p.keys.supervisor)).expect(200)).body).toMatchObject({ sender: 'Karin Ek', subject: masked });
  });

  it('keeps the entry of a gallrad case (date, reference, masked sender, subject) while its text goes, or removes it where the rule says', async () => {
    const due = (inquiryId: string) => bus.publish<InquiryRetentionDuePayload>(EventTypes.InquiryRetentionDue, { inquiryId, runId: randomUUID(), resolvedAt: new Date().toISOString() });
    const entry = async (reference: string, k = p.keys.supervisor) => (await register(`?reference=${reference}`, k).expect(200)).body.documents[0];

    await due(docs.letterKarin.inquiryId);
    await due(docs.mailGreta.inquiryId);
    await waitFor('both entries gallrad', async () => (await entry(docs.letterKarin.reference))?.gallrad && (await entry(docs.mailGreta.reference))?.gallrad, 20000);
    expect(await entry(docs.mailGreta.reference)).toMatchObject({ kind: 'email', sender: 'g***@example.se', subject: 'Bygglov Storgatan 5', gallrad: true });
    // The subject stays secret after gallring; the kept sender is masked for everybody.
    expect(await entry(docs.letterKarin.reference)).toMatchObject({ kind: 'letter', sender: 'K*** E***', subject: '[sekretess: OSL 26 kap. 1 §]', gallrad: true });
    expect(await entry(docs.letterKarin.reference, p.keys.admin)).toMatchObject({ sender: 'K*** E***', subject: 'Överklagande av beslut om försörjningsstöd' });
    const content = await request(p.urls.intake!).get(`/v1/register/email/${docs.mailGreta.id}`).set(key(p.keys.admin)).expect(200);
    expect(content.body.content).toBeNull();

    // A second delivery of the due event keeps the entry as it was.
    await due(docs.mailGreta.inquiryId);

    // The plan for this municipality: the register goes with the case.
    await request(p.urls.intake!).put('/v1/register/policy').set(key(p.keys.admin)).send({ atGallring: 'remove-entry', note: 'DHP 1.2' }).expect(200);
    await due(docs.letterBo.inquiryId);
    await waitFor('the entry removed', async () => (await register(`?reference=${docs.letterBo.reference}`).expect(200)).body.total === 0, 20000);
    expect(await entry(docs.mailGreta.reference)).toMatchObject({ sender: 'g***@example.se', subject: 'Bygglov Storgatan 5' });
    expect((await register('').expect(200)).body.total).toBe(3);

    const text = await intakeText();
    for (const gone of ['Karin Ek', 'Ekvägen 3', 'greta.lund@example.se', 'Greta Lund', '070-111 22 33', 'Bo Strand', 'Snöröjningen på Strandvägen', 'Synpunkt på snöröjningen']) {
      expect({ gone, found: text.includes(gone) }).toEqual({ gone, found: false });
    }
    for (const kept of ['olle.berg@example.se', 'Skolskjuts till Rosenskolan']) expect({ kept, found: text.includes(kept) }).toEqual({ kept, found: true });
  });
});
