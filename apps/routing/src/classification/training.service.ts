import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProblemException } from '@lotsen/platform';
import { ModelData, TrainingExample } from '../classifier';
import { RoutingConfig } from '../routing.config';
import { correctedCategories, harvestLabels, listLabels, OwnExample, ownExamples } from './labels-store';
import { compareEvaluations, HeldOutEvaluation } from './model-comparison';
import { activateModel, activeModelText, activeModelVersion, Exec, listModels, modelInfo, previousActiveVersion, storeActiveModel, storeModel } from './model-store';
import { ModelRegistry } from './model-registry.service';
import { catalogueOf, checkModel, labelledExamples } from './training-set';
import { retrainInWorker } from './training-worker';

export interface TrainRequest {
  includeDevData?: boolean;
  includeResolved?: boolean;
  examples?: TrainingExample[];
}

function plain(e: OwnExample): TrainingExample {
  const { receivedAt: _receivedAt, ...rest } = e;
  return rest;
}

/**
 * Retraining and model versions. A retraining runs in a worker thread; its model replaces the
 * active one only if at least as good on a held-out slice of the municipality's inquiries since
 * the active model was made, else it is kept as `rejected`. A failed training or a broken model
 * leaves the active model in place.
 */
@Injectable()
export class TrainingService {
  private readonly log = new Logger('Training');
  private readonly busy = new Set<string>();

  constructor(private readonly ds: DataSource, private readonly registry: ModelRegistry, private readonly config: RoutingConfig) {}

  private exec: Exec = (sql, params) => this.ds.query(sql, params);

  list(tenantId: string) {
    return listModels(this.exec, tenantId);
  }

  async labels(tenantId: string) {
    await harvestLabels(this.exec, tenantId);
    return listLabels(this.exec, tenantId);
  }

  async corrections(tenantId: string) {
    await harvestLabels(this.exec, tenantId);
    return correctedCategories(this.exec, tenantId);
  }

  async train(tenantId: string, req: TrainRequest, actor: string) {
    if (this.busy.has(tenantId)) throw ProblemException.of(409, 'training-in-progress', 'A training run for this tenant is in progress.');
    this.busy.add(tenantId);
    try {
      const started = Date.now();
      await harvestLabels(this.exec, tenantId);
      const dev = req.includeDevData === false ? [] : labelledExamples(this.config.trainingDataPaths);
      const own = await ownExamples(this.exec, tenantId);
      const active = await activeModelText(this.exec, tenantId);
      // Inquiries newer than anything the active model learnt from: neither model has seen them.
      const recent = active ? own.filter((e) => e.receivedAt > active.trainedUntil).slice(-this.config.retrainHeldOutSize) : [];
      const judged = recent.length >= this.config.retrainMinHeldOut;
      const heldOut = new Set(judged ? recent : []);
      const usedOwn = req.includeResolved === false ? [] : own.filter((e) => !heldOut.has(e));
      // What the new model may have learnt from ends before its held-out slice, so the next retraining can be judged on it too.
      const newest = Math.max(0, ...usedOwn.map((e) => e.receivedAt));
      const trainedUntil = new Date(judged ? Math.min(...recent.map((e) => e.receivedAt)) - 1 : Math.max(newest, active?.trainedUntil ?? 0, Date.now())).toISOString();
      const examples = [...dev, ...usedOwn.map(plain), ...(req.examples ?? [])];
      if (examples.length === 0) throw ProblemException.of(422, 'training-failed', 'The training set is empty: no labelled examples and no resolved inquiries. The previous model stays active.');
      const catalogue = await catalogueOf(this.exec, tenantId);
      const result = await retrainInWorker({ examples, catalogue, heldOut: [...heldOut].map(plain), activeModelJson: judged ? active!.json : null });
      if (!result.ok) throw ProblemException.of(422, 'training-failed', `${result.error} The previous model stays active.`);
      const accepted = !judged || !result.before || !result.after || result.after.accuracy >= result.before.accuracy;
      const summary = {
        dev: dev.length, resolved: usedOwn.length, given: req.examples?.length ?? 0, ms: Date.now() - started, trainedUntil,
        heldOutDepartmentAccuracy: result.heldOutDepartmentAccuracy, triageThreshold: result.triageThreshold,
        gate: judged
          ? { heldOut: heldOut.size, comparedWith: active!.version, accuracyBefore: result.before?.accuracy ?? null, accuracyAfter: result.after?.accuracy ?? null, accepted }
          : { heldOut: recent.length, comparedWith: active?.version ?? null, accepted, note: `fewer than ${this.config.retrainMinHeldOut} inquiries since the active model: activated unjudged` },
        evaluation: { before: result.before, after: result.after },
      };
      const status = accepted ? 'active' : 'rejected';
      const version = await this.ds.transaction((m) =>
        storeModel((sql, p) => m.query(sql, p), { tenantId, modelJson: result.modelJson, status, source: 'train', examples: examples.length, summary, createdBy: actor }),
      );
      if (accepted) this.registry.invalidate(tenantId);
      this.log.log(`tenant ${tenantId}: model ${version} trained on ${examples.length} examples, ${accepted ? 'activated' : 'rejected (worse on recent inquiries)'}`);
      return { version, status, examples: examples.length, summary };
    } finally {
      this.busy.delete(tenantId);
    }
  }

  /** What a model changed against the one it was measured with, on the same held-out slice. */
  async changes(tenantId: string, version: number) {
    const info = await modelInfo(this.exec, tenantId, version);
    if (!info) throw ProblemException.of(404, 'unknown-model', `No model version ${version}.`);
    const evaluation = (info.summary as { evaluation?: { before: HeldOutEvaluation | null; after: HeldOutEvaluation | null } }).evaluation;
    const gate = (info.summary as { gate?: Record<string, unknown> }).gate ?? null;
    return {
      version, status: info.status, gate,
      changes: evaluation?.after ? compareEvaluations(evaluation.before, evaluation.after) : null,
    };
  }

  /** Back to the model that was active before the current one. */
  async rollback(tenantId: string) {
    const current = await activeModelVersion(this.exec, tenantId);
    const previous = await previousActiveVersion(this.exec, tenantId);
    if (previous === undefined) throw ProblemException.of(409, 'nothing-to-roll-back', 'No earlier active model version to return to.');
    await this.activate(tenantId, previous);
    this.log.log(`tenant ${tenantId}: rolled back from model ${current ?? 'none'} to ${previous}`);
    return { version: previous, status: 'active', rolledBackFrom: current ?? null };
  }

  /** Imports a model file; a malformed one is refused with 422 and the active model stays. */
  async import(tenantId: string, data: unknown, actor: string) {
    try {
      checkModel(data);
    } catch (err) {
      throw ProblemException.of(422, 'invalid-model', `${(err as Error).message} The previous model stays active.`);
    }
    const model = data as ModelData;
    const version = await this.ds.transaction((m) =>
      storeActiveModel((sql, p) => m.query(sql, p), { tenantId, model, source: 'import', examples: model.training?.examples ?? 0, summary: {}, createdBy: actor }),
    );
    this.registry.invalidate(tenantId);
    return { version, status: 'active' };
  }

  async activate(tenantId: string, version: number) {
    const ok = await this.ds.transaction((m) => activateModel((sql, p) => m.query(sql, p), tenantId, version));
    if (!ok) throw ProblemException.of(404, 'unknown-model', `No model version ${version}.`);
    this.registry.invalidate(tenantId);
    return { version, status: 'active' };
  }
}
