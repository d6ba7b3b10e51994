import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Knowledge learned from a case is a draft until a supervisor publishes it: an answer carries the
 * names, addresses and circumstances of the citizen it was written for. Only curated and published
 * entries are suggested or searched. Entries learned so far become drafts; the column's default is
 * `draft`, so a row written without a status (by an instance still on the previous version during a
 * rollout) is never shown either.
 */
export class RoutingKnowledgeDrafts1765000400010 implements MigrationInterface {
  name = 'RoutingKnowledgeDrafts1765000400010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE routing.knowledge
      ADD COLUMN status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
      ADD COLUMN published_by text,
      ADD COLUMN published_at timestamptz,
      ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
    await q.query(`UPDATE routing.knowledge SET status = 'published', published_at = created_at WHERE kind = 'curated'`);
    await q.query(`CREATE INDEX knowledge_drafts ON routing.knowledge (tenant_id, created_at) WHERE status = 'draft'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX routing.knowledge_drafts`);
    await q.query(`ALTER TABLE routing.knowledge DROP COLUMN updated_at, DROP COLUMN published_at, DROP COLUMN published_by, DROP COLUMN status`);
  }
}
