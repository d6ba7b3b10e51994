import type { ModelData } from '../classifier';

/** Runs one SQL statement and returns its rows (TypeORM's manager.query, or a pg Client adapter). */
export type Exec = (sql: string, params?: unknown[]) => Promise<any[]>;

export interface ModelInfo {
  version: number;
  status: 'active' | 'retired' | 'rejected';
  source: string;
  examples: number;
  summary: Record<string, unknown>;
  createdBy: string | null;
  createdAt: string;
  activatedAt: string | null;
}

function toInfo(r: Record<string, any>): ModelInfo {
  return {
    version: r.version, status: r.status, source: r.source, examples: r.examples, summary: r.summary, createdBy: r.created_by,
    createdAt: new Date(r.created_at).toISOString(), activatedAt: r.activated_at ? new Date(r.activated_at).toISOString() : null,
  };
}

/**
 * Stores a model as the tenant's next version and makes it the active one, retiring the previous
 * one. Must run in a transaction; an advisory lock serialises version numbers per tenant.
 */
export async function storeActiveModel(
  exec: Exec,
  m: { tenantId: string; model: ModelData; source: string; examples: number; summary: Record<string, unknown>; createdBy?: string },
): Promise<number> {
  return storeModel(exec, { ...m, modelJson: JSON.stringify(m.model), status: 'active' });
}

/**
 * Stores a model (as JSON text, so a caller off the event loop can serialise it) as the next
 * version: `active` retires the previous active one, `rejected` leaves it in place.
 */
export async function storeModel(
  exec: Exec,
  m: { tenantId: string; modelJson: string; status: 'active' | 'rejected'; source: string; examples: number; summary: Record<string, unknown>; createdBy?: string },
): Promise<number> {
  await exec(`SELECT pg_advisory_xact_lock(hashtext('routing.models:' || $1))`, [m.tenantId]);
  const [{ next }] = await exec(`SELECT COALESCE(max(version), 0) + 1 AS next FROM routing.models WHERE tenant_id = $1`, [m.tenantId]);
  if (m.status === 'active') await exec(`UPDATE routing.models SET status = 'retired' WHERE tenant_id = $1 AND status = 'active'`, [m.tenantId]);
  await exec(
    `INSERT INTO routing.models (tenant_id, version, status, source, examples, summary, model, created_by, activated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, CASE WHEN $3 = 'active' THEN now() END)`,
    [m.tenantId, next, m.status, m.source, m.examples, JSON.stringify(m.summary), m.modelJson, m.createdBy ?? null],
  );
  return Number(next);
}

/**
 * The active model's version, JSON text (not parsed: it is handed on as it is) and the arrival
 * time of the newest inquiry it may have learnt from (`summary.trainedUntil`, else its creation).
 */
export async function activeModelText(exec: Exec, tenantId: string): Promise<{ version: number; trainedUntil: number; json: string } | undefined> {
  const [r] = await exec(
    `SELECT version, COALESCE((summary->>'trainedUntil')::timestamptz, created_at) AS trained_until, model::text AS json FROM routing.models WHERE tenant_id = $1 AND status = 'active'`,
    [tenantId],
  );
  return r ? { version: Number(r.version), trainedUntil: new Date(r.trained_until).getTime(), json: r.json } : undefined;
}

/** The version that was active before the current one (the most recently activated other one), if any. */
export async function previousActiveVersion(exec: Exec, tenantId: string): Promise<number | undefined> {
  const [r] = await exec(
    `SELECT version FROM routing.models WHERE tenant_id = $1 AND status = 'retired' AND activated_at IS NOT NULL ORDER BY activated_at DESC, version DESC LIMIT 1`,
    [tenantId],
  );
  return r ? Number(r.version) : undefined;
}

export async function modelInfo(exec: Exec, tenantId: string, version: number): Promise<ModelInfo | undefined> {
  const [r] = await exec(
    `SELECT version, status, source, examples, summary, created_by, created_at, activated_at FROM routing.models WHERE tenant_id = $1 AND version = $2`,
    [tenantId, version],
  );
  return r ? toInfo(r) : undefined;
}

export async function activateModel(exec: Exec, tenantId: string, version: number): Promise<boolean> {
  await exec(`SELECT pg_advisory_xact_lock(hashtext('routing.models:' || $1))`, [tenantId]);
  const [exists] = await exec(`SELECT 1 FROM routing.models WHERE tenant_id = $1 AND version = $2`, [tenantId, version]);
  if (!exists) return false;
  await exec(`UPDATE routing.models SET status = 'retired' WHERE tenant_id = $1 AND status = 'active'`, [tenantId]);
  await exec(`UPDATE routing.models SET status = 'active', activated_at = now() WHERE tenant_id = $1 AND version = $2`, [tenantId, version]);
  return true;
}

export async function activeModelVersion(exec: Exec, tenantId: string): Promise<number | undefined> {
  const [r] = await exec(`SELECT version FROM routing.models WHERE tenant_id = $1 AND status = 'active'`, [tenantId]);
  return r ? Number(r.version) : undefined;
}

export async function loadModel(exec: Exec, tenantId: string, version: number): Promise<unknown> {
  const [r] = await exec(`SELECT model FROM routing.models WHERE tenant_id = $1 AND version = $2`, [tenantId, version]);
  return r?.model;
}

/** Versions older than `below`, newest first (fallbacks when the active model cannot be loaded). */
export async function olderVersions(exec: Exec, tenantId: string, below: number): Promise<number[]> {
  // A rejected model was never good enough to route with, so it is no fallback either.
  const rows = await exec(`SELECT version FROM routing.models WHERE tenant_id = $1 AND version < $2 AND status <> 'rejected' ORDER BY version DESC LIMIT 5`, [tenantId, below]);
  return rows.map((r) => Number(r.version));
}

export async function listModels(exec: Exec, tenantId: string): Promise<ModelInfo[]> {
  const rows = await exec(
    `SELECT version, status, source, examples, summary, created_by, created_at, activated_at FROM routing.models WHERE tenant_id = $1 ORDER BY version DESC`,
    [tenantId],
  );
  return rows.map(toInfo);
}
