import { Controller, Injectable } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { EventEnvelope, EventTypes, InquiryContactRectifiedPayload } from '@lotsen/contracts';
import { returningRows, UnitOfWork } from '@lotsen/persistence';

/**
 * Notifications' part of a rectification: the recipient gets the corrected name, address or number,
 * so every later message reaches the person where they now are. A message still waiting for the
 * old address is not sent there any more (it is suppressed, with the reason on record): the old
 * address may be someone else's now.
 */
@Injectable()
export class ContactRectification {
  constructor(private readonly tx: UnitOfWork) {}

  async apply(e: EventEnvelope<InquiryContactRectifiedPayload>): Promise<void> {
    const { inquiryId, name, email, phone } = e.payload;
    const updated = returningRows(await this.tx.manager.query(
      `UPDATE notifications.recipients SET citizen_name = COALESCE($3, citizen_name), email = COALESCE($4, email), phone = COALESCE($5, phone)
       WHERE inquiry_id = $1 AND tenant_id = $2 AND NOT placeholder RETURNING 1`,
      [inquiryId, e.tenantId, name ?? null, email ?? null, phone ?? null],
    ));
    if (!updated.length) return;
    const channels = [...(email ? ['email'] : []), ...(phone ? ['sms'] : [])];
    if (!channels.length) return;
    await this.tx.manager.query(
      `UPDATE notifications.deliveries SET status = 'suppressed', last_error = 'contact data rectified', updated_at = now()
       WHERE tenant_id = $2 AND inquiry_id = $1 AND status = 'pending' AND channel = ANY($3::text[])`,
      [inquiryId, e.tenantId, channels],
    );
  }
}

@Controller()
export class ContactRectificationHandler {
  constructor(private readonly rectification: ContactRectification) {}

  @EventPattern(EventTypes.InquiryContactRectified)
  rectified(@Payload() e: EventEnvelope<InquiryContactRectifiedPayload>) {
    return this.rectification.apply(e);
  }
}
