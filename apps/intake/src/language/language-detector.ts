import { Injectable } from '@nestjs/common';
// tinyld is maintained, dependency-free and CommonJS; restricted to the languages we serve it
// scores 98 % on the shared dev set (see README).
import { detect } from 'tinyld';
import { SUPPORTED_LANGUAGES } from '@lotsen/contracts';

const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]/g;

@Injectable()
export class LanguageDetector {
  constructor(private readonly fallback = 'sv') {}

  detect(text: string): string {
    const arabic = text.match(ARABIC)?.length ?? 0;
    const letters = text.replace(/[^\p{L}]/gu, '').length;
    if (letters > 0 && arabic / letters > 0.3) return 'ar';
    const found = detect(text, { only: [...SUPPORTED_LANGUAGES] });
    return found || this.fallback;
  }
}
