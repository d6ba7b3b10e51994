// Language detection is shared with intake: it lives in @lotsen/language.
export { detectLanguage, normalizeLanguageTag, SUPPORTED_LANGUAGES } from '@lotsen/language';
export type { SupportedLanguage } from '@lotsen/language';
