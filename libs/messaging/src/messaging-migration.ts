import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox and inbox tables of a service's schema. Versioned like any migration: a later
 * change to these tables is a new factory (`messagingTablesV2`), never an edit of this one.
 */
export function messagingTablesV1(schema: string, timestamp = 1763900000000): new () => MigrationInterface {
  const s = `"${schema}"`;
  const name = `MessagingTablesV1${timestamp}`;
  const migration = class implements MigrationInterface {
    name = name;
    async up(q: QueryRunner): Promise<void> {
      await q.query(`CREATE TABLE ${s}.outbox (
        seq bigserial PRIMARY KEY,
        message_key text NOT NULL UNIQUE,
        exchange text NOT NULL,
        routing_key text NOT NULL,
        envelope jsonb NOT NULL,
        priority smallint NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
      // NOTIFY is delivered on commit, so the relay wakes exactly when rows become visible.
      await q.query(`CREATE FUNCTION ${s}.outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN PERFORM pg_notify('${schema}_outbox', ''); RETURN NULL; END $$`);
      await q.query(`CREATE TRIGGER outbox_notify AFTER INSERT ON ${s}.outbox
        FOR EACH STATEMENT EXECUTE FUNCTION ${s}.outbox_notify()`);
      await q.query(`CREATE TABLE ${s}.inbox (
        consumer text NOT NULL,
        event_id uuid NOT NULL,
        event_type text NOT NULL,
        handled_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (event_id, consumer)
      )`);
      await q.query(`CREATE INDEX inbox_handled_at ON ${s}.inbox (handled_at)`);
    }
    async down(q: QueryRunner): Promise<void> {
      await q.query(`DROP TABLE ${s}.inbox`);
      await q.query(`DROP TRIGGER outbox_notify ON ${s}.outbox`);
      await q.query(`DROP FUNCTION ${s}.outbox_notify()`);
      await q.query(`DROP TABLE ${s}.outbox`);
    }
  };
  Object.defineProperty(migration, 'name', { value: name });
  return migration;
}

/**
 * The outbox stops sending a NOTIFY per insert. Postgres makes every committing transaction that
 * has sent one take a single cluster-wide lock and hold it through its WAL flush, so the trigger
 * serialised the commits of every service that wrote events; the relay is now woken in-process
 * after a commit (see OutboxRelay).
 */
export function messagingOutboxWithoutNotifyV2(schema: string, timestamp = 1763900000500): new () => MigrationInterface {
  const s = `"${schema}"`;
  const name = `MessagingOutboxWithoutNotifyV2${timestamp}`;
  const migration = class implements MigrationInterface {
    name = name;
    async up(q: QueryRunner): Promise<void> {
      await q.query(`DROP TRIGGER outbox_notify ON ${s}.outbox`);
      await q.query(`DROP FUNCTION ${s}.outbox_notify()`);
    }
    async down(q: QueryRunner): Promise<void> {
      await q.query(`CREATE FUNCTION ${s}.outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN PERFORM pg_notify('${schema}_outbox', ''); RETURN NULL; END $$`);
      await q.query(`CREATE TRIGGER outbox_notify AFTER INSERT ON ${s}.outbox
        FOR EACH STATEMENT EXECUTE FUNCTION ${s}.outbox_notify()`);
    }
  };
  Object.defineProperty(migration, 'name', { value: name });
  return migration;
}

/**
 * The inbox's handled_at index becomes a BRIN index. Every consumed event inserts an inbox row,
 * and the B-tree added an index entry (and its WAL record) to each, for nothing yet reads by
 * handled_at but a retention clean-up, whose range scans a BRIN index of a few pages serves as
 * well: rows are appended in handled_at order.
 */
export function messagingInboxBrinV3(schema: string, timestamp = 1763900000600): new () => MigrationInterface {
  const s = `"${schema}"`;
  const name = `MessagingInboxBrinV3${timestamp}`;
  const migration = class implements MigrationInterface {
    name = name;
    async up(q: QueryRunner): Promise<void> {
      await q.query(`DROP INDEX ${s}.inbox_handled_at`);
      await q.query(`CREATE INDEX inbox_handled_at_brin ON ${s}.inbox USING brin (handled_at)`);
    }
    async down(q: QueryRunner): Promise<void> {
      await q.query(`DROP INDEX ${s}.inbox_handled_at_brin`);
      await q.query(`CREATE INDEX inbox_handled_at ON ${s}.inbox (handled_at)`);
    }
  };
  Object.defineProperty(migration, 'name', { value: name });
  return migration;
}

/**
 * Where the outbox relay sets aside a row that cannot be published (it cannot be encoded, or the
 * broker refuses it alone), with the reason, so it neither blocks the rows behind it nor is lost.
 * An operator fixes the cause and moves it back into the outbox (docs/configuration.md).
 */
export function messagingOutboxDeadLettersV4(schema: string, timestamp = 1765000400030): new () => MigrationInterface {
  const s = `"${schema}"`;
  const name = `MessagingOutboxDeadLettersV4${timestamp}`;
  const migration = class implements MigrationInterface {
    name = name;
    async up(q: QueryRunner): Promise<void> {
      await q.query(`CREATE TABLE ${s}.outbox_dead_letters (
        message_key text PRIMARY KEY,
        seq bigint NOT NULL,
        exchange text NOT NULL,
        routing_key text NOT NULL,
        envelope jsonb NOT NULL,
        priority smallint NOT NULL DEFAULT 0,
        reason text NOT NULL,
        failed_at timestamptz NOT NULL DEFAULT now()
      )`);
    }
    async down(q: QueryRunner): Promise<void> {
      await q.query(`DROP TABLE ${s}.outbox_dead_letters`);
    }
  };
  Object.defineProperty(migration, 'name', { value: name });
  return migration;
}
