import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@lotsen/persistence';

export interface NewAttachment {
  id: string;
  tenantId: string;
  inquiryId: string;
  emailId?: string;
  source: 'email' | 'staff';
  filename: string;
  contentType: string;
  sha256: string;
  content: Buffer;
  uploadedBy?: string;
}

export interface AttachmentMeta {
  id: string;
  inquiryId: string;
  source: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  createdAt: Date;
}

const META = `id, inquiry_id AS "inquiryId", source, filename, content_type AS "contentType", size_bytes AS size, sha256, created_at AS "createdAt"`;

/** Files kept with an inquiry (e-mail attachments, scanned letters), bytes in Postgres. */
@Injectable()
export class AttachmentsRepository {
  constructor(private readonly tx: UnitOfWork) {}

  async insert(a: NewAttachment): Promise<void> {
    await this.tx.manager.query(
      `INSERT INTO intake.attachments (id, tenant_id, inquiry_id, email_id, source, filename, content_type, size_bytes, sha256, content, uploaded_by)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)`,
      [a.id, a.tenantId, a.inquiryId, a.emailId ?? null, a.source, a.filename, a.contentType, a.content.length, a.sha256, a.content, a.uploadedBy ?? null],
    );
  }

  async list(tenantId: string, inquiryId: string): Promise<AttachmentMeta[]> {
    return this.tx.manager.query(`SELECT ${META} FROM intake.attachments WHERE tenant_id = $1 AND inquiry_id = $2 ORDER BY created_at, id`, [tenantId, inquiryId]);
  }

  async content(tenantId: string, inquiryId: string, id: string): Promise<(AttachmentMeta & { content: Buffer }) | undefined> {
    const [row] = await this.tx.manager.query(
      `SELECT ${META}, content FROM intake.attachments WHERE tenant_id = $1 AND inquiry_id = $2 AND id = $3`,
      [tenantId, inquiryId, id],
    );
    return row;
  }

  async totalBytes(inquiryId: string): Promise<number> {
    const [row] = await this.tx.manager.query(`SELECT COALESCE(sum(size_bytes), 0)::bigint AS n FROM intake.attachments WHERE inquiry_id = $1`, [inquiryId]);
    return Number(row.n);
  }
}
