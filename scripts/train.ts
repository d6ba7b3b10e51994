/**
 * `npm run train`: trains the routing classifier for a tenant from the labelled training data
 * (the dev inquiries and the typical inquiries) plus the tenant's resolved and corrected
 * inquiries, prints the honest 5-fold cross-validation on the first data file (nothing tuned on
 * the test fold; the other files join every training fold), the reliability diagram, the
 * learning curve and the figures on the held-out inquiries no model trains on, and stores the
 * model as the tenant's new active version (the services pick it up within seconds).
 *
 *   node dist/scripts/train.js [--tenant demo] [--data dev.jsonl,typical.jsonl] [--held-out file.jsonl] [--no-cv]
 */
import { Client } from 'pg';
import { DEFAULT_DATABASE_URL, heldOutInquiriesPath } from '@lotsen/config';
import { Classifier, crossValidate, evaluateHeldOut, formatLearningCurve, formatReport, honestCatalogue, learningCurve } from '../apps/routing/src/classifier';
import { Exec, storeActiveModel } from '../apps/routing/src/classification/model-store';
import { catalogueOf, labelledExamples, trainChecked } from '../apps/routing/src/classification/training-set';
import { harvestLabels, ownExamples } from '../apps/routing/src/classification/labels-store';
import { trainingDataPaths } from '../apps/routing/src/routing.config';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const tenantId = arg('tenant') ?? 'demo';
  const [file, ...otherFiles] = arg('data')?.split(',') ?? trainingDataPaths();
  const heldOutFile = arg('held-out') ?? heldOutInquiriesPath();
  const db = new Client({ connectionString: process.env.ROUTING_DATABASE_URL ?? process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL });
  await db.connect();
  const exec: Exec = async (sql, params) => (await db.query(sql, params as unknown[])).rows;
  try {
    const dev = labelledExamples([file]);
    const others = labelledExamples(otherFiles);
    await harvestLabels(exec, tenantId);
    const resolved = (await ownExamples(exec, tenantId)).map(({ receivedAt: _r, ...e }) => e);
    const catalogue = await catalogueOf(exec, tenantId);
    console.log(
      `tenant ${tenantId}: ${dev.length} labelled examples from ${file}, ${others.length} from ${otherFiles.join(', ') || 'no other file'}, ` +
        `${resolved.length} resolved inquiries, ${catalogue.length} catalogue categories`,
    );
    const progress = (m: string) => console.log(`  … ${m}`);
    if (dev.length >= 5 && !process.argv.includes('--no-cv')) {
      // Honest: each fold's catalogue keeps names and descriptions and gets keywords induced from
      // its training folds only, so nothing of the test fold shaped what the model knows.
      console.log(`5-fold cross-validation on ${file}, nothing tuned on the test fold (the other files in every training fold):`);
      console.log(formatReport(crossValidate(dev, 5, 42, { catalogueFor: (train) => honestCatalogue(catalogue, train), extraTraining: others, onProgress: progress })));
      // For comparison only: the catalogue's keywords as written (the demo ones were written after reading these inquiries).
      console.log('\nthe same with the catalogue keywords as written (optimistic where they were written from these inquiries):');
      console.log(formatReport(crossValidate(dev, 5, 42, { catalogue, extraTraining: others, onProgress: progress })));
      console.log(`\nlearning curve: department accuracy on a held-out third, by own resolved inquiries added to a start of the catalogue and ${others.length} other examples:`);
      console.log(formatLearningCurve(learningCurve(dev, catalogue, { catalogueMode: 'induced', start: others, onProgress: progress }), '  catalogue names and descriptions, keywords induced from the inquiries so far:'));
      console.log(formatLearningCurve(learningCurve(dev, catalogue, { catalogueMode: 'given', start: others, onProgress: progress }), '  catalogue keywords as written:'));
    }
    console.log('training on everything:');
    const started = Date.now();
    const model = trainChecked([...dev, ...others, ...resolved], catalogue, progress);
    const heldOut = labelledExamples([heldOutFile]);
    if (heldOut.length) {
      console.log(`\nthe model on ${heldOutFile}, inquiries written apart from the training data that no model trains on:`);
      console.log(formatReport(evaluateHeldOut(Classifier.fromModel(model), heldOut)));
    }
    await db.query('BEGIN');
    const version = await storeActiveModel(exec, {
      tenantId, model, source: 'npm run train', examples: dev.length + others.length + resolved.length,
      summary: { dev: dev.length, others: others.length, resolved: resolved.length, ms: Date.now() - started, heldOutDepartmentAccuracy: model.training.heldOutDepartmentAccuracy },
      createdBy: 'npm run train',
    });
    await db.query('COMMIT');
    console.log(`stored model version ${version} for tenant ${tenantId} (active) in ${Date.now() - started} ms`);
  } catch (err) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    await db.end();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
