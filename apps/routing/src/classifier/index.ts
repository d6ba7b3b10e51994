/**
 * Inquiry classifier (pure TypeScript: no NestJS, no database, no network).
 *
 *   const model = trainModel(examples, { catalogue: categories });   // serialisable JSON
 *   const clf = Classifier.fromModel(model);
 *   clf.classify({ subject, body, language }) // → department, category, type, FCR, urgent, confidence, explanation…
 */
export { MODEL_VERSION, MODEL_KIND } from './model-schema';
export type { TrainingExample, ClassifierInput, Classification, ModelData, HeadData } from './model-schema';
export { trainModel } from './model-training';
export type { TrainOptions } from './model-training';
export { Classifier } from './model-runtime';
export type { ClassifierOptions } from './model-runtime';
export { crossValidate, evaluateHeldOut, formatReport } from './evaluate';
export type { CrossValidationReport, CrossValidateOptions, ClassMetrics, CalibrationPoint } from './evaluate';
export { loadDevExamples, defaultDevDataPath } from './data';
export type { CatalogueKeywords, CatalogueEntry, StoredCatalogueEntry } from './catalogue';
export { normalizeText, normalizeArabic, tokenize } from './normalize';
export { detectLanguage, SUPPORTED_LANGUAGES } from './language';
export { catalogueWithoutKeywords, induceKeywords, honestCatalogue } from './keyword-induction';
export { learningCurve, formatLearningCurve } from './learning-curve';
export type { LearningCurvePoint, LearningCurveOptions } from './learning-curve';
