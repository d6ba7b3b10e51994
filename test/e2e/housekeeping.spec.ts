import { randomUUID } from 'crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { InboxHousekeeping } from '@lotsen/messaging';
import { IdempotencyHousekeeping } from '../../apps/intake/src/inquiries/idempotency-housekeeping';
import { startPlatform, TestPlatform } from '../support/platform';

/** Rows with no legal weight go after the housekeeping window; younger ones stay. */
describe('housekeeping', () => {
  let p: TestPlatform;
  let db: DataSource;

  beforeAll(async () => {
    p = await startPlatform(['intake'], { HOUSEKEEPING_AFTER_DAYS: '30' });
    db = p.apps.intake!.get(DataSource);
  });
  afterAll(() => p?.close());

  it('removes inbox rows and idempotency records older than the window, and nothing younger', async () => {
    const old = [randomUUID(), randomUUID()];
    const young = randomUUID();
    for (const id of old) await db.query(`INSERT INTO intake.inbox (consumer, event_id, event_type, handled_at) VALUES ('t', $1, 'x', now() - interval '31 days')`, [id]);
    await db.query(`INSERT INTO intake.inbox (consumer, event_id, event_type, handled_at) VALUES ('t', $1, 'x', now() - interval '29 days')`, [young]);

    const first = await request(p.urls.intake!).post('/v1/inquiries').set('x-api-key', p.keys.web).set('Idempotency-Key', 'old-one')
      .send({ channel: 'web', body: 'Hur ansöker jag om bygglov?' }).expect(202);
    await request(p.urls.intake!).post('/v1/inquiries').set('x-api-key', p.keys.web).set('Idempotency-Key', 'young-one')
      .send({ channel: 'web', body: 'Hur ansöker jag om parkeringstillstånd?' }).expect(202);
    await db.query(`UPDATE intake.idempotency_keys SET created_at = now() - interval '31 days' WHERE inquiry_id = $1`, [first.body.id]);

    expect(await p.apps.intake!.get(InboxHousekeeping).sweep()).toBe(2);
    expect(await p.apps.intake!.get(IdempotencyHousekeeping).sweep()).toBe(1);
    const inbox = (await db.query(`SELECT event_id FROM intake.inbox WHERE consumer = 't'`)).map((r: { event_id: string }) => r.event_id);
    expect(inbox).toEqual([young]);
    const keys = (await db.query(`SELECT inquiry_id FROM intake.idempotency_keys`)).map((r: { inquiry_id: string }) => r.inquiry_id);
    expect(keys).toHaveLength(1);
    expect(keys).not.toContain(first.body.id);
    // The inquiry itself is untouched: housekeeping is not gallring.
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM intake.inquiries WHERE id = $1`, [first.body.id]);
    expect(n).toBe(1);
  });
});
