import { randomUUID } from 'crypto';
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Client } from 'pg';
import request from 'supertest';
import { generateApiKey, hashApiKey, setLogSink } from '@lotsen/platform';
import { waitFor } from '@lotsen/testing';
import { startPlatform, TestPlatform } from '../support/platform';

// One end-to-end run through all four services: another municipality's staff key sees nothing
// of it in any service's API, and no log line of any service carries the citizen's personal data.

describe('tenant isolation in every service, and logs without personal data', () => {
  let p: TestPlatform;
  let otherKey: string;
  const logs: string[] = [];

  beforeAll(async () => {
    setLogSink({ write: (line: string) => logs.push(line) });
    const mailDir = mkdtempSync(join(tmpdir(), 'lotsen-mail-'));
    p = await startPlatform(['intake', 'routing', 'notifications', 'reporting'], { LOG_LEVEL: 'debug', NOTIFICATIONS_SMTP_URL: `file://${mailDir}` });
    otherKey = generateApiKey();
    const db = new Client({ connectionString: p.env.databaseUrl });
    await db.connect();
    await db.query(`INSERT INTO intake.tenants (id, name, reference_prefix) VALUES ('other', 'Annan kommun', 'AK')`);
    for (const schema of ['intake', 'routing', 'notifications', 'reporting']) {
      await db.query(`INSERT INTO ${schema}.api_keys (id, tenant_id, key_hash, label, role) VALUES ($1, 'other', $2, 'other supervisor', 'supervisor')`, [randomUUID(), hashApiKey(otherKey)]);
    }
    await db.end();
  });
  afterAll(async () => {
    setLogSink(undefined);
    await p?.close();
  });

  it('keeps every service to the caller’s own municipality', async () => {
    const created = await request(p.urls.intake!).post('/v1/inquiries').set('x-api-key', p.keys.web).send({
      channel: 'web', subject: 'Hemtjänst', body: 'Min mamma (personnummer 19391103-4527) har inte fått sitt hemtjänstbesök i dag. Ring mig på 070-765 43 21.',
      citizen: { name: 'Karin Berg', email: 'karin.berg@example.se', phone: '+46 70 765 43 21', notify: true },
    }).expect(202);
    const id = created.body.id;
    await waitFor('routing to decide', async () => (await request(p.urls.routing!).get(`/v1/inquiries/${id}/routing`).set('x-api-key', p.keys.supervisor)).status === 200);
    await waitFor('the receipt to be sent', async () => {
      const d = await request(p.urls.notifications!).get('/v1/deliveries').query({ inquiryId: id }).set('x-api-key', p.keys.supervisor);
      return d.body.items?.some((x: { status: string }) => x.status === 'sent');
    });
    await waitFor('reporting to count it', async () => (await request(p.urls.reporting!).get('/v1/kpis').set('x-api-key', p.keys.supervisor)).body.volume?.received === 1);

    await request(p.urls.intake!).get(`/v1/inquiries/${id}`).set('x-api-key', otherKey).expect(404);
    await request(p.urls.routing!).get(`/v1/inquiries/${id}/routing`).set('x-api-key', otherKey).expect(404);
    const deliveries = await request(p.urls.notifications!).get('/v1/deliveries').query({ inquiryId: id }).set('x-api-key', otherKey).expect(200);
    expect(deliveries.body.items).toEqual([]);
    const kpis = await request(p.urls.reporting!).get('/v1/kpis').set('x-api-key', otherKey).expect(200);
    expect(kpis.body.volume.received).toBe(0);
  });

  it('writes no personal identity number, e-mail address or phone number to any log', () => {
    const all = logs.join('');
    expect(logs.length).toBeGreaterThan(20);
    for (const service of ['intake', 'routing', 'notifications', 'reporting']) expect(all).toContain(`"service":"${service}"`);
    expect(all).not.toMatch(/19391103-?4527|391103-?4527|karin\.berg@example\.se|070-765 43 21|\+46 70 765 43 21/);
  });
});
