import { Injectable } from '@nestjs/common';
import { returningRows, UnitOfWork } from '@lotsen/persistence';
import { PersonalDataEraser, removalsStatement } from '@lotsen/retention';

/**
 * Notifications' copy of an inquiry's personal data: who the recipient was (name, e-mail, phone,
 * tracking link), every rendered message and what the provider answered about it, events still
 * waiting for the inquiry, and the survey's free-text comment. The delivery log keeps trigger,
 * channel, status and times; the survey keeps its score.
 */
/** $1 the inquiry, $2 its tenant. */
const ERASE = removalsStatement([
  `UPDATE notifications.recipients SET citizen_name = NULL, email = NULL, phone = NULL, tracking_token = NULL
   WHERE inquiry_id = $1 AND (citizen_name IS NOT NULL OR email IS NOT NULL OR phone IS NOT NULL OR tracking_token IS NOT NULL) RETURNING 1`,
  // A message still waiting is not sent any more: its inquiry is gone.
  `UPDATE notifications.deliveries SET recipient = '', address_key = '', subject = '', body_text = '', body_html = NULL, meta = '{}',
     provider_response = NULL, last_error = NULL, status = CASE WHEN status = 'pending' THEN 'suppressed' ELSE status END
   WHERE tenant_id = $2 AND inquiry_id = $1 AND (recipient <> '' OR body_text <> '') RETURNING 1`,
  `DELETE FROM notifications.deferred_triggers WHERE inquiry_id = $1 RETURNING 1`,
  `UPDATE notifications.surveys SET comment = NULL WHERE inquiry_id = $1 AND comment IS NOT NULL RETURNING 1`,
]);

@Injectable()
export class NotificationsPersonalDataRepository implements PersonalDataEraser {
  constructor(private readonly tx: UnitOfWork) {}

  async erase(tenantId: string, inquiryId: string): Promise<number> {
    const [{ rows }] = returningRows<{ rows: number }>(await this.tx.manager.query(ERASE, [inquiryId, tenantId]));
    return rows;
  }

  /** What notifications holds of these inquiries, for the person's access request. */
  async export(tenantId: string, inquiryIds: string[]) {
    const recipients = await this.tx.manager.query(
      `SELECT inquiry_id AS "inquiryId", reference, citizen_name AS name, email, phone, language, preferred_language AS "preferredLanguage", notify, channel
       FROM notifications.recipients WHERE tenant_id = $1 AND inquiry_id = ANY($2::uuid[]) AND NOT placeholder`,
      [tenantId, inquiryIds],
    );
    const deliveries = await this.tx.manager.query(
      `SELECT inquiry_id AS "inquiryId", trigger, channel, recipient, subject, body_text AS text, status, sent_at AS "sentAt", created_at AS "createdAt"
       FROM notifications.deliveries WHERE tenant_id = $1 AND inquiry_id = ANY($2::uuid[]) ORDER BY created_at`,
      [tenantId, inquiryIds],
    );
    const surveys = await this.tx.manager.query(
      `SELECT inquiry_id AS "inquiryId", score, comment, answered_at AS "answeredAt" FROM notifications.surveys WHERE tenant_id = $1 AND inquiry_id = ANY($2::uuid[])`,
      [tenantId, inquiryIds],
    );
    return { recipients, deliveries, surveys };
  }
}
