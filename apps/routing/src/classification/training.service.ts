import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProblemException } from '@lotsen/platform';
import { ModelData, TrainingExample } from '../classifier';
import { RoutingConfig } from '../routing.config';
import { activateModel, Exec, listModels, storeActiveModel } from './model-store';
import { ModelRegistry } from './model-registry.service';
import { catalogueOf, checkModel, devExamples, resolvedExamples, trainChecked, TrainingError } from './training-set';

export interface TrainRequest {
  includeDevData?: boolean;
  includeResolved?: boolean;
  examples?: TrainingExample[];
}

/** Retraining and model versions; a failed training or broken model leaves the active model in place. */
@Injectable()
export class TrainingService {
  private readonly log = new Logger('Training');
  private readonly busy = new Set<string>();

  constructor(private readonly ds: DataSource, private readonly registry: ModelRegistry, private readonly config: RoutingConfig) {}

  private exec: Exec = (sql, params) => this.ds.query(sql, params);

  list(tenantId: string) {
    return listModels(this.exec, tenantId);
  }

  async train(tenantId: string, req: TrainRequest, actor: string) {
    if (this.busy.has(tenantId)) throw ProblemException.of(409, 'training-in-progress', 'A training run for this tenant is in progress.');
    this.busy.add(tenantId);
    try {
      const dev = req.includeDevData === false ? [] : devExamples(this.config.trainingDataPath);
      const resolved = req.includeResolved === false ? [] : await resolvedExamples(this.exec, tenantId);
      const examples = [...dev, ...resolved, ...(req.examples ?? [])];
      const catalogue = await catalogueOf(this.exec, tenantId);
      const started = Date.now();
      let model: ModelData;
      try {
        model = trainChecked(examples, catalogue, (m) => this.log.log(`tenant ${tenantId}: ${m}`));
      } catch (err) {
        if (err instanceof TrainingError) throw ProblemException.of(422, 'training-failed', `${err.message} The previous model stays active.`);
        throw err;
      }
      const summary = { dev: dev.length, resolved: resolved.length, given: req.examples?.length ?? 0, ms: Date.now() - started, heldOutDepartmentAccuracy: model.training.heldOutDepartmentAccuracy };
      const version = await this.ds.transaction((m) =>
        storeActiveModel((sql, p) => m.query(sql, p), { tenantId, model, source: 'train', examples: examples.length, summary, createdBy: actor }),
      );
      this.registry.invalidate(tenantId);
      this.log.log(`tenant ${tenantId}: model ${version} trained on ${examples.length} examples and activated`);
      return { version, status: 'active', examples: examples.length, summary };
    } finally {
      this.busy.delete(tenantId);
    }
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
