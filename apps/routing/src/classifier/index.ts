/**
 * Inquiry classifier (pure TypeScript: no NestJS, no database, no network).
 *
 *   const model = trainModel(examples, { catalogue: categories });   // serialisable JSON
 *   const clf = Classifier.fromModel(model);
 *   clf.classify({ subject, body, language }) // → department, category, type, FCR, urgent, confidence, explanation…
 */
export {
  Classifier,
  trainModel,
  MODEL_VERSION,
  MODEL_KIND,
} from './model';
export type { TrainingExample, ClassifierInput, Classification, ModelData, HeadData, TrainOptions, ClassifierOptions } from './model';
export { crossValidate, formatReport } from './evaluate';
export type { CrossValidationReport, CrossValidateOptions, ClassMetrics, CalibrationPoint } from './evaluate';
export { loadDevExamples, defaultDevDataPath } from './data';
export type { CatalogueKeywords, CatalogueEntry, StoredCatalogueEntry } from './catalogue';
export { normalizeText, normalizeArabic, tokenize } from './normalize';
export { detectLanguage, SUPPORTED_LANGUAGES } from './language';
