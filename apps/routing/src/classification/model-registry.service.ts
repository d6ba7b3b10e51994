import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { isDatabaseUnavailable, UnitOfWork } from '@lotsen/persistence';
import { Classifier, ModelData } from '../classifier';
import { activeModelVersion, Exec, loadModel, olderVersions } from './model-store';

const RECHECK_MS = 3000;

interface Loaded {
  classifier: Classifier;
  version: number;
  /** The version marked active (differs from `version` when that one could not be loaded). */
  activeVersion: number;
  checkedAt: number;
}

/**
 * The tenant's active classifier, loaded once and re-checked every few seconds, so a model
 * trained on one instance is picked up by the others. A stored model that does not load is
 * skipped for the newest older one that does, and logged.
 */
@Injectable()
export class ModelRegistry implements OnApplicationBootstrap {
  private readonly log = new Logger('ModelRegistry');
  private readonly loaded = new Map<string, Loaded>();
  private readonly loading = new Map<string, Promise<Loaded | undefined>>();

  constructor(private readonly tx: UnitOfWork) {}

  // Joins the caller's transaction: a consumer holding a pool connection must not wait for a second one.
  private exec: Exec = (sql, params) => this.tx.manager.query(sql, params);

  /** Loads every tenant's active model at start, so the first inquiry does not wait for it. */
  async onApplicationBootstrap(): Promise<void> {
    try {
      const started = Date.now();
      const tenants: { tenant_id: string }[] = await this.exec(`SELECT tenant_id FROM routing.models WHERE status = 'active'`);
      for (const t of tenants) await this.get(t.tenant_id);
      if (tenants.length) this.log.log(`loaded ${tenants.length} model(s) in ${Date.now() - started} ms`);
    } catch (err) {
      if (!isDatabaseUnavailable(err)) throw err;
      this.log.warn('database unavailable at start; models load on first use');
    }
  }

  async get(tenantId: string): Promise<{ classifier: Classifier; version: number } | undefined> {
    const hit = this.loaded.get(tenantId);
    if (hit && Date.now() - hit.checkedAt < RECHECK_MS) return hit;
    let p = this.loading.get(tenantId);
    if (!p) {
      p = this.refresh(tenantId, hit).finally(() => this.loading.delete(tenantId));
      this.loading.set(tenantId, p);
    }
    return p;
  }

  /** Forget the cache (after this instance stored or activated a model). */
  invalidate(tenantId: string): void {
    this.loaded.delete(tenantId);
  }

  /** Puts a model this instance just stored straight into the cache. */
  prime(tenantId: string, version: number, classifier: Classifier): void {
    this.loaded.set(tenantId, { classifier, version, activeVersion: version, checkedAt: Date.now() });
  }

  private async refresh(tenantId: string, hit: Loaded | undefined): Promise<Loaded | undefined> {
    const active = await activeModelVersion(this.exec, tenantId);
    if (active === undefined) {
      this.loaded.delete(tenantId);
      return undefined;
    }
    if (hit && hit.activeVersion === active) {
      hit.checkedAt = Date.now();
      return hit;
    }
    for (const version of [active, ...(await olderVersions(this.exec, tenantId, active))]) {
      try {
        const data = await loadModel(this.exec, tenantId, version);
        const classifier = Classifier.fromModel(data as ModelData);
        if (version !== active) this.log.error(`tenant ${tenantId}: model ${active} does not load; using model ${version}`);
        const l: Loaded = { classifier, version, activeVersion: active, checkedAt: Date.now() };
        this.loaded.set(tenantId, l);
        return l;
      } catch (err) {
        this.log.error(`tenant ${tenantId}: model ${version} cannot be loaded: ${(err as Error).message}`);
      }
    }
    // Nothing loads: keep what we had rather than classify nothing.
    if (hit) {
      hit.checkedAt = Date.now();
      return hit;
    }
    return undefined;
  }
}
