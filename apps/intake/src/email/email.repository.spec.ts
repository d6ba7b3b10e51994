import { randomUUID } from 'crypto';
import { DataSource } from 'typeorm';
import { TransactionContext } from '@lotsen/persistence';
import { migratedServiceDatabase, ServiceDatabase } from '@lotsen/testing';
import { intakeMigrations } from '../migrations';
import { EmailRepository } from './email.repository';

describe('outgoing e-mails remembered for threading', () => {
  let db: ServiceDatabase;
  let ds: DataSource;
  let tx: TransactionContext;
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
});
