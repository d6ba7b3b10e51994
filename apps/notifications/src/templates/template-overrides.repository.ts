import { Injectable } from '@nestjs/common';
import { returningRows, UnitOfWork } from '@lotsen/persistence';
import { TemplateParts } from './default-templates';
import { templateKey, TemplateOverrides } from './engine';

export interface StoredTemplate extends TemplateParts {
  trigger: string;
  language: string;
  updatedBy?: string;
  updatedAt: Date;
}

@Injectable()
export class TemplateOverridesRepository {
  constructor(private readonly tx: UnitOfWork) {}

  async list(tenantId: string): Promise<StoredTemplate[]> {
    const rows: Array<Record<string, any>> = await this.tx.manager.query(
      `SELECT trigger, language, subject, body_text, body_html, sms, updated_by, updated_at FROM notifications.templates
       WHERE tenant_id = $1 ORDER BY trigger, language`,
      [tenantId],
    );
    return rows.map((r) => ({
      trigger: r.trigger, language: r.language, subject: r.subject, text: r.body_text, html: r.body_html,
      ...(r.sms === null ? {} : { sms: r.sms }), updatedBy: r.updated_by ?? undefined, updatedAt: r.updated_at,
    }));
  }

  async overrides(tenantId: string): Promise<TemplateOverrides> {
    const out: TemplateOverrides = {};
    for (const t of await this.list(tenantId)) {
      out[templateKey(t.trigger as never, t.language)] = { subject: t.subject, text: t.text, html: t.html, ...(t.sms === undefined ? {} : { sms: t.sms }) };
    }
    return out;
  }

  async upsert(tenantId: string, trigger: string, language: string, parts: TemplateParts, updatedBy?: string): Promise<void> {
    await this.tx.manager.query(
      `INSERT INTO notifications.templates (tenant_id, trigger, language, subject, body_text, body_html, sms, updated_by)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8)
       ON CONFLICT (tenant_id, trigger, language) DO UPDATE SET subject = EXCLUDED.subject, body_text = EXCLUDED.body_text,
         body_html = EXCLUDED.body_html, sms = EXCLUDED.sms, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [tenantId, trigger, language, parts.subject, parts.text, parts.html, parts.sms ?? null, updatedBy ?? null],
    );
  }

  async remove(tenantId: string, trigger: string, language: string): Promise<boolean> {
    const rows = returningRows(await this.tx.manager.query(
      `DELETE FROM notifications.templates WHERE tenant_id = $1 AND trigger = $2 AND language = $3 RETURNING 1`,
      [tenantId, trigger, language],
    ));
    return rows.length > 0;
  }
}
