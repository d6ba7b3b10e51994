// Need-to-know across the four services: every demo role × every staff read of an inquiry, for a
// street-lighting fault (Gata och park) and a sensitive social-services matter, in two
// municipalities; the audit trail names each person who looked.
import { Client } from 'pg';
import { importJWK, SignJWT } from 'jose';
import { waitFor } from '@lotsen/testing';
import { startPlatform, TestPlatform } from '../support/platform';

type Seen = 'full' | 'redacted' | 403 | 404;

const SOCIAL = { body: 'Min bror Per Persson missbrukar. Pnr 19121212-1212', citizen: { name: 'Eva E', phone: '0701234567' } };
const STREET = { body: 'Gatlampan utanför Storgatan 5 är trasig sedan en vecka.', citizen: { name: 'Olle O', email: 'olle@example.se' } };
const SECRETS = ['Per Persson', '19121212', 'Eva E', '0701234567', 'Olle O', 'olle@example.se', 'Gatlampan', 'missbrukar'];

describe('need-to-know: who reads what of an inquiry', () => {
  let p: TestPlatform;
  let db: Client;
  const ids: Record<'street' | 'social', string> = { street: '', social: '' };
  const tokens: Record<string, string> = {};

  const as = (who: string): Record<string, string> => (who === 'gata_park key' ? { 'x-api-key': p.keys.department } : { authorization: `Bearer ${tokens[who]}` });

  async function register(category: string, text: { body: string; citizen: Record<string, string> }): Promise<string> {
    const res = await fetch(`${p.urls.intake}/v1/inquiries`, {
      method: 'POST', headers: { 'x-api-key': p.keys.web, 'content-type': 'application/json' }, body: JSON.stringify({ channel: 'web', category, ...text }),
    });
    expect(res.status).toBe(202);
    return ((await res.json()) as { id: string }).id;
  }

  beforeAll(async () => {
    p = await startPlatform(['intake', 'routing', 'notifications', 'reporting']);
    db = new Client({ connectionString: p.env.databaseUrl });
    await db.connect();
    ids.street = await register('street_lighting', STREET);
    ids.social = await register('addiction_violence_homelessness', SOCIAL);
    // Routed, and intake and notifications know where each one went.
    for (const [id, department] of [[ids.street, 'gata_park'], [ids.social, 'socialtjanst']]) {
      await waitFor(`${department} in intake`, async () => (await db.query(`SELECT 1 FROM intake.inquiries WHERE id = $1 AND department = $2`, [id, department])).rowCount);
      await waitFor(`${department} in notifications`, async () => (await db.query(`SELECT 1 FROM notifications.recipients WHERE inquiry_id = $1 AND department = $2`, [id, department])).rowCount);
    }
    for (const user of ['amira', 'sven', 'gustav', 'sara', 'adam', 'astrid']) tokens[user] = await p.identity.token(user);
    // A supervisor of another municipality, signed by the same provider.
    const now = Math.floor(Date.now() / 1000);
    tokens['nacka supervisor'] = await new SignJWT({ sub: 'nacka-sup', name: 'Nina Nacka', groups: ['lotsen-supervisor', 'lotsen-clearance-socialtjanst', 'lotsen-department-socialtjanst'], lotsen_tenant: 'nacka' })
      .setProtectedHeader({ alg: 'RS256', kid: p.identity.provider.signingKey.kid })
      .setIssuer(p.identity.provider.issuer).setAudience(p.identity.audience).setIssuedAt(now).setExpirationTime(now + 300)
      .sign(await importJWK(p.identity.provider.signingKey, 'RS256'));
  }, 90000);
  afterAll(async () => {
    await db?.end();
    await p?.close();
  });

  /** Each staff read of one inquiry, and what it showed: the text (full), only that it exists (redacted), or a refusal. */
  const reads: Record<string, (id: string, headers: Record<string, string>) => Promise<{ seen: Seen; body: string }>> = {
    'intake inquiry': (id, h) => look(`${p.urls.intake}/v1/inquiries/${id}`, h, (b) => typeof b.body === 'string' && Boolean(b.citizen)),
    'intake attachments': (id, h) => look(`${p.urls.intake}/v1/inquiries/${id}/attachments`, h, (b) => Array.isArray(b)),
    'routing work item': (id, h) => look(`${p.urls.routing}/v1/work/${id}`, h, (b) => typeof b.inquiry?.body === 'string'),
    'routing decision': (id, h) => look(`${p.urls.routing}/v1/inquiries/${id}/routing`, h, (b) => Array.isArray(b.history)),
    'notifications delivery log': (id, h) => look(`${p.urls.notifications}/v1/deliveries?inquiryId=${id}`, h, (b) => !b.redacted),
  };

  async function look(url: string, headers: Record<string, string>, isFull: (b: any) => boolean) {
    const res = await fetch(url, { headers });
    const body = await res.text();
    if (res.status === 403 || res.status === 404) return { seen: res.status as Seen, body };
    expect([url, res.status]).toEqual([url, 200]);
    const json = JSON.parse(body);
    return { seen: isFull(json) ? 'full' : json.redacted === true ? 'redacted' : (`unclear: ${body.slice(0, 200)}` as unknown as Seen), body };
  }

  //            who                  street (gata_park)  social (socialtjanst, sensitive)   per read: [intake inquiry, intake attachments, work item, decision, delivery log]
  const matrix: Array<[string, Seen[], Seen[]]> = [
    ['amira', ['redacted', 403, 'redacted', 'redacted', 'redacted'], ['redacted', 403, 'redacted', 'redacted', 'redacted']],
    ['sven', ['redacted', 403, 'redacted', 'redacted', 'redacted'], ['redacted', 403, 'redacted', 'redacted', 'redacted']],
    ['gustav', ['full', 'full', 'full', 'full', 'full'], ['redacted', 403, 'redacted', 'redacted', 'redacted']],
    ['sara', ['redacted', 403, 'redacted', 'redacted', 'redacted'], ['full', 'full', 'full', 'full', 'full']],
    ['adam', ['redacted', 403, 'redacted', 'redacted', 'redacted'], ['redacted', 403, 'redacted', 'redacted', 'redacted']],
    ['astrid', ['redacted', 403, 403, 403, 403], ['redacted', 403, 403, 403, 403]],
    ['gata_park key', ['full', 'full', 'full', 'full', 'full'], ['redacted', 403, 'redacted', 'redacted', 'redacted']],
    ['nacka supervisor', [404, 404, 404, 404, 'redacted'], [404, 404, 404, 404, 'redacted']],
  ];

  it.each(matrix)('%s', async (who, street, social) => {
    for (const [which, expected] of [['street', street], ['social', social]] as const) {
      const names = Object.keys(reads);
      const seen: Seen[] = [];
      for (const name of names) {
        const r = await reads[name](ids[which], as(who));
        seen.push(r.seen);
        // Nothing of the text or the citizen leaks from a view that is not full.
        if (r.seen !== 'full') for (const s of SECRETS) expect([name, which, r.body.includes(s)]).toEqual([name, which, false]);
      }
      expect(Object.fromEntries(names.map((n, i) => [n, seen[i]]))).toEqual(Object.fromEntries(names.map((n, i) => [n, expected[i]])));
    }
  });

  it("the gata_park caseworker's token reads nothing of the social-services inquiry in any service, and the attempt is audited with their name", async () => {
    const gustav = as('gustav');
    for (const read of Object.values(reads)) {
      const { body } = await read(ids.social, gustav);
      for (const s of SECRETS) expect(body).not.toContain(s);
    }
    const report = await fetch(`${p.urls.reporting}/v1/reports/departments/socialtjanst`, { headers: gustav });
    expect(report.status).toBe(403);
    for (const service of ['intake', 'routing', 'notifications'] as const) {
      const res = await fetch(`${p.urls[service]}/v1/audit?inquiryId=${ids.social}`, { headers: as('astrid') });
      expect([service, res.status]).toEqual([service, 200]);
      const { items } = (await res.json()) as { items: Array<Record<string, unknown>> };
      expect([service, items]).toEqual([service, expect.arrayContaining([
        expect.objectContaining({ actor: 'demo-caseworker-gata-park', actorName: 'Gustav Ek', actorKind: 'person', outcome: 'redacted', basis: 'need-to-know', inquiryId: ids.social }),
      ])]);
    }
  });

  it('the audit trail is for auditors only', async () => {
    for (const who of ['sven', 'gustav', 'adam']) {
      expect([who, (await fetch(`${p.urls.intake}/v1/audit?inquiryId=${ids.social}`, { headers: as(who) })).status]).toEqual([who, 403]);
    }
    expect((await fetch(`${p.urls.intake}/v1/audit?inquiryId=not-a-uuid`, { headers: as('astrid') })).status).toBe(400);
  });

  it('a supervisor breaks the glass with a reason for ordinary work, never for a secret matter without the clearance', async () => {
    const reason = { ...as('sven'), 'x-access-reason': 'Medborgaren ringer och frågar om ärendet' };
    const street = await fetch(`${p.urls.intake}/v1/inquiries/${ids.street}`, { headers: reason });
    expect(await street.json()).toMatchObject({ body: STREET.body, seenBy: expect.arrayContaining([expect.objectContaining({ actor: 'demo-supervisor', name: 'Sven Berg', basis: 'break-the-glass', reason: reason['x-access-reason'] })]) });
    const social = await fetch(`${p.urls.intake}/v1/inquiries/${ids.social}`, { headers: reason });
    expect(await social.json()).toMatchObject({ redacted: true });
    expect((await fetch(`${p.urls.routing}/v1/work/${ids.street}`, { headers: reason }).then((r) => r.json()) as any).inquiry.body).toBe(STREET.body);
    expect((await fetch(`${p.urls.intake}/v1/inquiries/${ids.street}`, { headers: { ...as('sven'), 'x-access-reason': 'x' } })).status).toBe(400);
    const { rows } = await db.query(`SELECT actor_name, outcome, basis, reason FROM intake.audit_trail WHERE inquiry_id = $1 AND actor = 'demo-supervisor' AND basis = 'break-the-glass'`, [ids.street]);
    expect(rows).toEqual([{ actor_name: 'Sven Berg', outcome: 'full', basis: 'break-the-glass', reason: reason['x-access-reason'] }]);
  });

  it("reporting: a department's words only for its own people and those cleared; a department's people only see their own department", async () => {
    const words = async (who: string, code: string) => {
      const res = await fetch(`${p.urls.reporting}/v1/reports/departments/${code}`, { headers: as(who) });
      if (res.status !== 200) return res.status;
      return ((await res.json()) as { termsWithheld?: boolean }).termsWithheld ? 'figures only' : 'with words';
    };
    expect(await words('sara', 'socialtjanst')).toBe('with words');
    expect(await words('sven', 'socialtjanst')).toBe('figures only');
    expect(await words('amira', 'gata_park')).toBe('figures only');
    expect(await words('gustav', 'gata_park')).toBe('with words');
    expect(await words('gata_park key', 'socialtjanst')).toBe(403);
    expect(await words('astrid', 'gata_park')).toBe(403);
  });

  it('configuration changes are in the owning service\'s audit trail, naming the person', async () => {
    const json = (who: string) => ({ ...as(who), 'content-type': 'application/json' });
    expect((await fetch(`${p.urls.reporting}/v1/goals/csatAverage`, { method: 'PUT', headers: json('adam'), body: JSON.stringify({ target: 4 }) })).status).toBe(200);
    const template = { subject: 'Vi har tagit emot ditt ärende {{reference}}', text: 'Hej! Ditt ärende har referens {{reference}}.', html: '<p>Ditt ärende har referens {{reference}}.</p>' };
    expect((await fetch(`${p.urls.notifications}/v1/templates/receipt/sv`, { method: 'PUT', headers: json('sven'), body: JSON.stringify(template) })).status).toBe(200);
    expect((await fetch(`${p.urls.notifications}/v1/templates/receipt/sv`, { method: 'DELETE', headers: as('sven') })).status).toBe(204);
    // Refused changes change nothing and are not recorded as changes.
    expect((await fetch(`${p.urls.reporting}/v1/goals/csatAverage`, { method: 'PUT', headers: json('amira'), body: JSON.stringify({ target: 1 }) })).status).toBe(403);
    const trail = async (service: 'reporting' | 'notifications') =>
      ((await (await fetch(`${p.urls[service]}/v1/audit`, { headers: as('astrid') })).json()) as { items: Array<Record<string, unknown>> }).items.filter((i) => i.outcome === 'changed');
    expect(await trail('reporting')).toEqual([expect.objectContaining({ actor: 'demo-admin', actorName: 'Adam Nyberg', action: 'goal.change', target: 'kpi=csatAverage' })]);
    expect(await trail('notifications')).toEqual([
      expect.objectContaining({ actor: 'demo-supervisor', actorName: 'Sven Berg', action: 'template.reset', target: 'trigger=receipt language=sv' }),
      expect.objectContaining({ actor: 'demo-supervisor', actorName: 'Sven Berg', action: 'template.change', target: 'trigger=receipt language=sv' }),
    ]);
  });
});
