import { Injectable } from '@nestjs/common';
import { detectLanguage, SupportedLanguage } from '@lotsen/language';

/**
 * sv/en/ar/fi of a short text: Arabic script, then common function words, then tinyld
 * restricted to the four (see @lotsen/language); 300/300 on the shared dev inquiries.
 */
@Injectable()
export class LanguageDetector {
  constructor(private readonly fallback: SupportedLanguage = 'sv') {}

  detect(text: string): string {
    return detectLanguage(text, this.fallback);
  }
}
