import { Injectable } from '@nestjs/common';
import { returningRows, UnitOfWork } from '@lotsen/persistence';
import { PersonalDataEraser, removalsStatement } from '@lotsen/retention';
import { RegisterRepository } from '../register/register.repository';

/** Intake's removals of one inquiry ($1), each found by the inquiry's key (an index, never a table scan). */
const ERASE = removalsStatement([
  `UPDATE intake.inquiries SET subject = NULL, body = '', citizen = NULL, location = NULL, open311 = NULL, attachments = '[]', agent_name = NULL,
     lat = round(lat::numeric, 2), lon = round(lon::numeric, 2), tracking_token_hash = 'gallrad:' || id::text
   WHERE id = $1 AND tracking_token_hash NOT LIKE 'gallrad:%' RETURNING 1`,
  `DELETE FROM intake.inquiry_messages WHERE inquiry_id = $1 RETURNING 1`,
  `UPDATE intake.status_history SET note = NULL WHERE inquiry_id = $1 AND note IS NOT NULL RETURNING 1`,
  `DELETE FROM intake.attachments WHERE inquiry_id = $1 RETURNING 1`,
  // Mail registered on the case, and automatic mail only linked to it.
  `UPDATE intake.email_messages SET envelope_from = '', envelope_to = '{}', from_address = NULL, from_name = NULL, to_header = NULL,
     cc_header = NULL, subject = NULL, text = '', sender = '', raw = NULL, disposition_detail = NULL
   WHERE (inquiry_id = $1 OR linked_inquiry_id = $1) AND (text <> '' OR envelope_from <> '' OR raw IS NOT NULL) RETURNING 1`,
  `DELETE FROM intake.idempotency_keys WHERE inquiry_id = $1 RETURNING 1`,
  `DELETE FROM intake.outgoing_messages WHERE inquiry_id = $1 RETURNING 1`,
]);

/**
 * Intake's copy of an inquiry's personal data: the citizen's text, name, contact data and
 * address, Open311 answers and photos, the thread, status notes (they quote answers), inbound
 * e-mail (text and every address in it), stored attachments, the idempotent reply and the tracking
 * token. The reference, category, channel, status and times stay, and coordinates are kept to two
 * decimals (about a kilometre): enough for statistics, too coarse for a home address.
 * Registered mail and letters first leave their register entry as the tenant's rule says (kept
 * with a masked sender and the subject by default): the diarium outlives the case.
 */
@Injectable()
export class IntakePersonalDataRepository implements PersonalDataEraser {
  constructor(private readonly tx: UnitOfWork, private readonly register: RegisterRepository) {}

  async erase(tenantId: string, inquiryId: string): Promise<number> {
    const retained = await this.register.retainEntries(tenantId, inquiryId);
    const [{ rows }] = returningRows<{ rows: number }>(await this.tx.manager.query(...eraseStatement(inquiryId)));
    return retained + rows;
  }
}

/** The removals of one inquiry's copy as one statement (removalsStatement: one round trip), and its parameters. */
export function eraseStatement(inquiryId: string): [string, unknown[]] {
  return [ERASE, [inquiryId]];
}
