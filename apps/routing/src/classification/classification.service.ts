import { Injectable } from '@nestjs/common';
import { ProblemException } from '@lotsen/platform';
import { Classification, ClassifierInput } from '../classifier';
import { RoutingConfig } from '../routing.config';
import { ModelRegistry } from './model-registry.service';

export interface ClassifyResult extends Classification {
  modelVersion: number;
  /**
   * The confidence from which routing trusts the answer: the configured threshold, raised to
   * the model's own (chosen at training from held-out answers) where that is higher.
   */
  triageThreshold: number;
  /** Below the triage threshold: routing sends such an inquiry to the triage queue. */
  belowThreshold: boolean;
}

@Injectable()
export class ClassificationService {
  constructor(private readonly registry: ModelRegistry, private readonly config: RoutingConfig) {}

  get threshold(): number {
    return this.config.confidenceThreshold;
  }

  /** undefined when the tenant has no usable model yet. */
  async tryClassify(tenantId: string, input: ClassifierInput): Promise<ClassifyResult | undefined> {
    const m = await this.registry.get(tenantId);
    if (!m) return undefined;
    const c = m.classifier.classify(input);
    const triageThreshold = Math.max(this.config.confidenceThreshold, m.classifier.model.thresholds.triage ?? 0);
    return { ...c, modelVersion: m.version, triageThreshold, belowThreshold: c.confidence < triageThreshold };
  }

  async classify(tenantId: string, input: ClassifierInput): Promise<ClassifyResult> {
    const r = await this.tryClassify(tenantId, input);
    if (!r) throw ProblemException.of(409, 'no-model', 'This tenant has no trained classifier yet: POST /v1/models/train.');
    return r;
  }
}
