import { surveyFormPage, surveyMessagePage } from './survey-page';
import { PAGE_CSP } from '../pages/html-page';

describe('survey page', () => {
  it('is a labelled radio group in the citizen\'s language and direction', () => {
    const html = surveyFormPage({ language: 'ar', token: 'tok_123', reference: 'KC-2026-000001' });
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toMatch(/<fieldset>\s*<legend>[^<]+<\/legend>/);
    for (let v = 1; v <= 5; v++) {
      expect(html).toContain(`id="score-${v}" name="score" value="${v}" required`);
      expect(html).toContain(`<label for="score-${v}">`);
    }
    expect(html).toContain('<label for="comment">');
    expect(html).toContain('<form method="post" action="/surveys/tok_123">');
    expect(html).not.toMatch(/<(script|link|img)\b/);
  });

  it('escapes everything it shows back', () => {
    const html = surveyFormPage({ language: 'sv', token: 't"><x', reference: '<b>KC</b>', error: 'Välj <ett>', comment: '</textarea><script>alert(1)</script>' });
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;/textarea&gt;&lt;script&gt;');
    expect(html).toContain('&lt;b&gt;KC&lt;/b&gt;');
    expect(html).toContain('action="/surveys/t%22%3E%3Cx"');
    expect(html).toContain('role="alert"');
  });

  it('falls back to Swedish for a language it has no copy for', () => {
    expect(surveyMessagePage('de', 'thanks')).toContain('<html lang="sv" dir="ltr">');
    expect(surveyMessagePage('fi', 'answered')).toContain('<html lang="fi" dir="ltr">');
  });

  it('allows only its own inline style', () => {
    expect(PAGE_CSP).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; form-action 'self'/);
  });
});
