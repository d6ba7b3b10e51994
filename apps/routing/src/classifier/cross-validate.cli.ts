/**
 * Prints the 5-fold cross-validation report of the inquiry classifier on the shared dev data
 * (the typical inquiries join every training fold): honest (each fold's catalogue has names and
 * descriptions, keywords induced from its training folds), without a catalogue and with the demo
 * keywords as written; the learning curve; the model trained on both on the held-out inquiries;
 * and the classification throughput on one core.
 *
 *   node scripts/build.js && node dist/apps/routing/src/classifier/cross-validate.cli.js [data.jsonl] [--folds N] [--seed S] [--no-curve]
 */
import * as path from 'path';
import * as fs from 'fs';
import { heldOutInquiriesPath, typicalInquiriesPath } from '@lotsen/config';
import { categories } from '@lotsen/demo-municipality';
import { Classifier, crossValidate, defaultDevDataPath, evaluateHeldOut, formatLearningCurve, formatReport, honestCatalogue, learningCurve, loadDevExamples, trainModel } from './index';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function findData(): string {
  const explicit = process.argv.slice(2).find((a, i, all) => !a.startsWith('--') && !(i > 0 && all[i - 1].startsWith('--')));
  return explicit ? path.resolve(explicit) : defaultDevDataPath();
}

function main(): void {
  const file = findData();
  const folds = Number(arg('--folds') ?? 5);
  const seed = Number(arg('--seed') ?? 42);
  const examples = loadDevExamples(file);
  const typical = fs.existsSync(typicalInquiriesPath()) ? loadDevExamples(typicalInquiriesPath()) : [];
  const log = (msg: string) => console.log(`  … ${msg}`);
  console.log(`data: ${file} (${examples.length} examples), ${typical.length} typical inquiries in every training fold\n`);

  console.log('cross-validating without catalogue');
  const plain = crossValidate(examples, folds, seed, { extraTraining: typical, onProgress: log });
  console.log(formatReport(plain) + '\n');

  console.log('cross-validating with the demo catalogue, keywords induced per fold (nothing tuned on the test fold)');
  console.log(formatReport(crossValidate(examples, folds, seed, { catalogueFor: (train) => honestCatalogue(categories, train), extraTraining: typical, onProgress: log })) + '\n');

  console.log('cross-validating with the demo catalogue, keywords as written (optimistic: written after reading these inquiries)');
  const withCat = crossValidate(examples, folds, seed, { catalogue: categories, extraTraining: typical, onProgress: log });
  console.log(formatReport(withCat) + '\n');

  if (!process.argv.includes('--no-curve')) {
    console.log(formatLearningCurve(learningCurve(examples, categories, { catalogueMode: 'induced', start: typical, seed }), 'learning curve, keywords induced from the inquiries so far:'));
    console.log(formatLearningCurve(learningCurve(examples, categories, { catalogueMode: 'given', start: typical, seed }), 'learning curve, keywords as written:') + '\n');
  }

  // throughput on one core: a model trained on everything, classifying the dev texts in a loop
  const t0 = Date.now();
  const model = trainModel([...examples, ...typical], { catalogue: categories, seed, onProgress: log });
  const trainMs = Date.now() - t0;
  if (fs.existsSync(heldOutInquiriesPath())) {
    console.log(`\nthe model on ${heldOutInquiriesPath()} (written apart from the training data, never trained on)`);
    console.log(formatReport(evaluateHeldOut(Classifier.fromModel(model), loadDevExamples(heldOutInquiriesPath()))) + '\n');
  }
  const clf = Classifier.fromModel(JSON.parse(JSON.stringify(model)));
  const json = JSON.stringify(model);
  console.log(`full model: trained on ${model.training.examples} examples in ${trainMs} ms, ${model.features.vocabulary.length} features, ${(json.length / 1e6).toFixed(2)} MB JSON`);
  const inputs = examples.map((e) => ({ subject: e.subject, body: e.text, language: e.language }));
  const noLang = examples.map((e) => ({ subject: e.subject, body: e.text }));
  // warm-up (JIT), then three 1-second runs per variant. Other processes may share the machine,
  // so besides wall-clock rates the CPU time this process used gives the rate per busy core.
  for (let r = 0; r < 3; r++) for (const x of noLang) clf.classify(x);
  for (const [label, set] of [
    ['language given', inputs],
    ['language detected', noLang],
  ] as const) {
    const rates: number[] = [];
    let total = 0;
    let cpuMicros = 0;
    for (let run = 0; run < 3; run++) {
      let count = 0;
      const start = process.hrtime.bigint();
      const cpu0 = process.cpuUsage();
      let elapsed = 0;
      while (elapsed < 1) {
        for (const x of set) clf.classify(x);
        count += set.length;
        elapsed = Number(process.hrtime.bigint() - start) / 1e9;
      }
      const cpu = process.cpuUsage(cpu0);
      cpuMicros += cpu.user + cpu.system;
      total += count;
      rates.push(count / elapsed);
    }
    const perCpuSecond = Math.round(total / (cpuMicros / 1e6));
    console.log(
      `throughput (${label}): ${perCpuSecond} classifications per CPU-second on one core; wall clock ${rates.map(Math.round).join(', ')} /s (target ≥ 2000)`,
    );
  }

  const sample = clf.classify({ subject: 'Gatlampa släckt', body: 'Gatlampan utanför Storgatan 12 har varit släckt i en vecka.' });
  console.log('\nexample: "Gatlampa släckt — Gatlampan utanför Storgatan 12 har varit släckt i en vecka."');
  console.log(JSON.stringify(sample, null, 2));
}

main();
