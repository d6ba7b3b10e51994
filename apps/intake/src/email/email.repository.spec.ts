import { randomUUID } from 'crypto';
import { DataSource } from 'typeorm';
import { UnitOfWork } from '@lotsen/persistence';
import { migratedServiceDatabase, ServiceDatabase } from '@lotsen/testing';
import { intakeMigrations } from '../migrations';
import { EmailRepository } from './email.repository';

describe('outgoing e-mails remembered for threading', () => {
  let db: ServiceDatabase;
  let ds: DataSource;
  let tx: UnitOfWork;
  let emails: EmailRepository;

  beforeAll(async () => {
    db = await migratedServiceDatabase('intake', intakeMigrations);
    ({ ds, tx } = db);
    emails = new EmailRepository(tx);
  });
  afterAll(() => db?.close());

  it('writes a batch in one statement; a delivery named twice keeps its latest Message-ID', async () => {
    const [d1, d2, inquiryId] = [randomUUID(), randomUUID(), randomUUID()];
    const sent = (deliveryId: string, messageId?: string) => ({ deliveryId, tenantId: 'demo', inquiryId, messageId, sentAt: new Date() });
    await tx.run(async () => {
      emails.rememberOutgoing(sent(d1, '<first@demo>'));
      emails.rememberOutgoing(sent(d2));
      emails.rememberOutgoing(sent(d1, '<again@demo>')); // the same delivery reported twice in one batch
      emails.rememberOutgoing(sent(d2, '<two@demo>'));
    });
    await tx.run(async () => emails.rememberOutgoing(sent(d2))); // a later report without an id keeps the known one
    const rows = await ds.query(`SELECT delivery_id, message_id FROM intake.outgoing_messages ORDER BY message_id`);
    expect(rows).toEqual([{ delivery_id: d1, message_id: '<again@demo>' }, { delivery_id: d2, message_id: '<two@demo>' }]);
  });

  it("remembers the address a mail went to (the case's citizen address then), and keeps it when the case's address changes", async () => {
    const [inquiryId, d1, d2] = [randomUUID(), randomUUID(), randomUUID()];
    await ds.query(`INSERT INTO intake.tenants (id, name, reference_prefix) VALUES ('t-mail', 'T', 'KC') ON CONFLICT DO NOTHING`);
    await ds.query(
      `INSERT INTO intake.inquiries (id, tenant_id, reference, tracking_token_hash, channel, body, language, language_detected, received_at, citizen)
       VALUES ($1, 't-mail', 'KC-2026-000042', $2, 'web', 'x', 'sv', true, now(), '{"email": " Anna@Example.SE "}')`,
      [inquiryId, randomUUID()],
    );
    const sent = (deliveryId: string, messageId: string) => ({ deliveryId, tenantId: 't-mail', inquiryId, messageId, sentAt: new Date() });
    await tx.run(async () => emails.rememberOutgoing(sent(d1, '<one@t>')));
    await ds.query(`UPDATE intake.inquiries SET citizen = '{"email": "anna@ny.se"}' WHERE id = $1`, [inquiryId]);
    await tx.run(async () => {
      emails.rememberOutgoing(sent(d1, '<one@t>')); // reported again
      emails.rememberOutgoing(sent(d2, '<two@t>'));
    });
    const rows = await ds.query(`SELECT delivery_id, recipient FROM intake.outgoing_messages WHERE inquiry_id = $1 ORDER BY message_id`, [inquiryId]);
    expect(rows).toEqual([{ delivery_id: d1, recipient: 'anna@example.se' }, { delivery_id: d2, recipient: 'anna@ny.se' }]);
    expect(await emails.mayJoin('t-mail', inquiryId, 'anna@example.se', ['<one@t>'], [])).toBe(true);
    expect(await emails.mayJoin('t-mail', inquiryId, 'anna@example.se', ['<two@t>'], [])).toBe(false);
    expect(await emails.mayJoin('t-mail', inquiryId, 'anna@example.se', [], [])).toBe(false);
    expect(await emails.mayJoin('t-mail', inquiryId, 'anna@ny.se', [], [])).toBe(true);
    expect(await emails.mayJoin('other', inquiryId, 'anna@ny.se', [], [])).toBe(false);
  });
});
