import { FormTokens, readCookie } from './csrf';
import { renderFollowPage } from './follow-page';
import { renderFormPage, renderReceiptPage } from './form-page';
import { esc } from './html';

describe('form tokens (CSRF)', () => {
  const tokens = new FormTokens('a-secret-of-sixteen-chars');
  const browser = tokens.newBrowserSecret();

  it('accepts its own fresh token for the same browser and returns the form nonce', () => {
    const token = tokens.issue(browser);
    const nonce = tokens.verify(token, browser);
    expect(nonce).toBe(token.split('.')[1]);
    expect(tokens.verify(tokens.issue(browser), browser)).not.toBe(nonce); // a nonce per rendered form
  });

  it('refuses another browser, a tampered or expired token, another secret', () => {
    const token = tokens.issue(browser);
    expect(tokens.verify(token, tokens.newBrowserSecret())).toBeUndefined();
    expect(tokens.verify(token.replace(/.$/, (c) => (c === 'a' ? 'b' : 'a')), browser)).toBeUndefined();
    expect(tokens.verify(tokens.issue(browser, Date.now() - 5 * 3600_000), browser)).toBeUndefined();
    expect(new FormTokens('another-secret-of-16+').verify(token, browser)).toBeUndefined();
    for (const bad of [undefined, '', 'a.b', 'x.y.z', '..', 'a'.repeat(300)]) expect(tokens.verify(bad, browser)).toBeUndefined();
    expect(tokens.verify(token, undefined)).toBeUndefined();
  });

  it('reads its cookie and nothing odd', () => {
    expect(readCookie('a=1; lotsen_form=abcdefghijkl; b=2', 'lotsen_form')).toBe('abcdefghijkl');
    expect(readCookie('lotsen_form=<script>', 'lotsen_form')).toBeUndefined();
    expect(readCookie(undefined, 'lotsen_form')).toBeUndefined();
  });
});

describe('page rendering', () => {
  const evil = '"><script>alert(1)</script><img src=x onerror=alert(2)>';
  const service = { code: 'street_lighting', name: { sv: `Gatubelysning ${evil}` }, description: {}, group: 'g', keywords: [], department: 'gata_park', faultReport: true, public: true, attributes: [] };

  it('escapes every value it puts in markup', () => {
    expect(esc(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    const form = renderFormPage({ locale: 'sv', services: [service], csrf: evil, values: { body: evil, email: evil }, errors: { email: 'fel' }, fresh: false, tenantParam: evil });
    const follow = renderFollowPage({ locale: 'en', token: evil, timeZone: 'Europe/Stockholm', c: { reference: evil, status: evil, subject: evil, receivedAt: new Date(), handledBy: evil, caseNumber: evil, thread: [{ author: evil, body: evil, at: new Date() }] } });
    const receipt = renderReceiptPage({ locale: 'ar', reference: evil, trackingToken: evil, duplicateOf: evil });
    for (const html of [form, follow, receipt]) {
      expect(html).not.toMatch(/<script>|<img|onerror=alert\(2\)>/);
      expect(html).not.toMatch(/ style=|<style/); // the CSP allows no inline styles
      expect(html.match(/<script/g) ?? []).toHaveLength(html.includes('/form.js') ? 1 : 0);
    }
  });

  it('tells the citizen, bound to the category select, when the chosen service is shown publicly (sv, en, ar, fi)', () => {
    const people = { ...service, code: 'child_welfare_report', name: { sv: 'Orosanmälan' }, faultReport: false, public: false };
    const notices = { sv: /visas offentligt/, en: /shown publicly/, ar: /للعموم/, fi: /julkisesti/ } as const;
    for (const locale of ['sv', 'en', 'ar', 'fi'] as const) {
      const fresh = renderFormPage({ locale, services: [service, people], csrf: 't', fresh: true });
      expect(fresh).toMatch(/<select id="f-category" name="category" aria-describedby="f-category-public">/);
      const notice = /<p class="notice" id="f-category-public"[^>]*>([^<]*)<\/p>/.exec(fresh)!;
      expect(notice[0]).toContain(' hidden');
      expect(notice[1]).toMatch(notices[locale]);
      // Without the script, the option itself says so; a service about people never does.
      expect(fresh).toMatch(/<option value="street_lighting" data-fault="1" data-public="1">[^<]*\(/);
      expect(fresh).toMatch(/<option value="child_welfare_report">Orosanmälan<\/option>/);
      const chosen = renderFormPage({ locale, services: [service, people], csrf: 't', values: { category: 'street_lighting' }, fresh: false });
      expect(/<p class="notice" id="f-category-public"[^>]*>/.exec(chosen)![0]).not.toContain('hidden');
      const other = renderFormPage({ locale, services: [service, people], csrf: 't', values: { category: 'child_welfare_report' }, fresh: false });
      expect(/<p class="notice" id="f-category-public"[^>]*>/.exec(other)![0]).toContain('hidden');
    }
  });

  it("shows the department's case number in the citizen's language, isolated from the text's direction", () => {
    const c = { reference: 'KC-2026-000001', status: 'in_progress', subject: null, receivedAt: new Date(), handledBy: 'gata_park', thread: [] };
    const texts = { sv: 'Ärendet har diarienummer <bdi>GP 2026/1234</bdi> hos förvaltningen.', en: 'Case number at the department: <bdi>GP 2026/1234</bdi>', ar: 'رقم القضية لدى الإدارة: <bdi>GP 2026/1234</bdi>', fi: 'Asian diaarinumero toimialalla: <bdi>GP 2026/1234</bdi>' } as const;
    for (const locale of ['sv', 'en', 'ar', 'fi'] as const) {
      expect(renderFollowPage({ locale, token: 't', timeZone: 'Europe/Stockholm', c: { ...c, caseNumber: 'GP 2026/1234' } })).toContain(`<p id="case-number">${texts[locale]}</p>`);
    }
    expect(renderFollowPage({ locale: 'sv', token: 't', timeZone: 'Europe/Stockholm', c: { ...c, caseNumber: null } })).not.toContain('case-number');
  });

  it('marks language and direction; Arabic is right-to-left', () => {
    expect(renderReceiptPage({ locale: 'ar', reference: 'KC-2026-000001', trackingToken: 't' })).toContain('<html lang="ar" dir="rtl">');
    expect(renderReceiptPage({ locale: 'fi', reference: 'KC-2026-000001', trackingToken: 't' })).toContain('<html lang="fi" dir="ltr">');
  });

  it('ties each error to its field and lists it in the summary in page order', () => {
    const html = renderFormPage({ locale: 'en', services: [service], csrf: 't', errors: { phone: 'bad phone', body: 'no body' }, fresh: false });
    expect(html.indexOf('href="#f-body"')).toBeLessThan(html.indexOf('href="#f-phone"'));
    expect(html).toContain('id="f-phone" name="phone" value="" autocomplete="tel" aria-invalid="true" aria-describedby="f-phone-error"');
    expect(html).toContain('<title>Error: Contact the municipality</title>');
  });
});
