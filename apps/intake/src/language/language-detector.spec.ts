import { readFileSync } from 'fs';
import { LanguageDetector } from './language-detector';
import { devDataPath } from '@lotsen/config';

const rows: Array<{ language: string; subject: string; text: string }> = readFileSync(devDataPath(), 'utf8')
  .trim().split('\n').map((l) => JSON.parse(l));

describe('LanguageDetector on the shared dev inquiries', () => {
  const detector = new LanguageDetector();

  it('recognises sv, en, ar and fi on short texts (README reports these figures)', () => {
    const per: Record<string, { ok: number; n: number }> = {};
    for (const r of rows) {
      const got = detector.detect([r.subject, r.text].filter(Boolean).join('\n'));
      per[r.language] ??= { ok: 0, n: 0 };
      per[r.language].n++;
      if (got === r.language) per[r.language].ok++;
    }
    const ok = Object.values(per).reduce((s, x) => s + x.ok, 0);
    expect(ok / rows.length).toBeGreaterThanOrEqual(0.98);
    for (const x of Object.values(per)) expect(x.ok / x.n).toBeGreaterThanOrEqual(0.9);
  });

  it('takes Arabic script for Arabic even with Latin words mixed in', () => {
    expect(detector.detect('مرحبا، أريد أن أسأل عن bygglov للمنزل')).toBe('ar');
  });

  it('falls back to Swedish for text with no letters', () => {
    expect(detector.detect('123 456')).toBe('sv');
  });
});
