import {
  defaultTemplates,
  formatDate,
  LANGUAGES,
  normalizeLanguage,
  previewNotification,
  renderNotification,
  TemplateParts,
  TemplateSyntaxError,
  TRIGGERS,
  validateTemplate,
} from '.';

const values = {
  tenantName: 'Södertälje kommun',
  reference: 'KC-2026-000123',
  trackingUrl: 'https://lotsen.example/arenden/KC-2026-000123?token=abc',
  surveyUrl: 'https://lotsen.example/surveys/tok123',
  optOutUrl: 'https://lotsen.example/opt-out/tok456',
  answer: 'Rad ett.\nRad två.',
  departmentName: 'Gata och park',
  status: 'assigned',
  expectedBy: '2026-03-16',
  citizenName: 'Anna',
};

function syntaxError(fn: () => unknown): TemplateSyntaxError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(TemplateSyntaxError);
    return e as TemplateSyntaxError;
  }
  throw new Error('expected a TemplateSyntaxError');
}

describe('default templates', () => {
  it.each(TRIGGERS.flatMap((t) => LANGUAGES.map((l) => [t, l] as const)))('%s in %s renders every part', (trigger, language) => {
    const r = renderNotification({ trigger, language, values });
    expect(r).toMatchObject({ trigger, language, source: 'default' });
    for (const part of [r.subject, r.text, r.html, r.sms]) {
      expect(part.trim()).not.toBe('');
      expect(part).not.toMatch(/\{\{|\}\}/);
      expect(part).toContain('KC-2026-000123');
    }
    expect(r.text).toContain('Södertälje kommun'); // signed with the tenant's name
    expect(r.html).toContain('Södertälje kommun');
    expect(r.html).toMatch(new RegExp(`^<!DOCTYPE html>\\n<html lang="${language}" dir="${language === 'ar' ? 'rtl' : 'ltr'}">`));
    expect(r.text).not.toMatch(/\n{3,}/);
    if (trigger !== 'answer') expect(r.text).toContain(values.optOutUrl);
    if (trigger === 'survey_invitation') expect(r.html).toContain('href="https://lotsen.example/surveys/tok123"');
    if (trigger === 'answer') expect(r.html).toContain('Rad ett.<br>\nRad två.');
  });

  it('lists every trigger in every language with subject, text, html and sms', () => {
    for (const t of TRIGGERS) for (const l of LANGUAGES) expect(Object.keys(defaultTemplates[t][l]).sort()).toEqual(['html', 'sms', 'subject', 'text']);
  });

  it('leaves optional paragraphs out cleanly', () => {
    const r = renderNotification({ trigger: 'status_update', language: 'sv', values: { tenantName: 'Demo kommun', reference: 'KC-1' } });
    expect(r.text).toMatch(/^Hej!\n\nVi vill berätta/);
    expect(r.text).not.toMatch(/status|handläggs nu|Följ ditt ärende|Avsluta/i);
    expect(r.text).not.toMatch(/\n{3,}/);
    expect(r.html).not.toContain('<a ');
  });

  it('shows the status as a label in the language and the expected date in its format', () => {
    expect(renderNotification({ trigger: 'status_update', language: 'sv', values }).text).toContain('Ny status: Tilldelat en handläggare');
    expect(renderNotification({ trigger: 'status_update', language: 'en', values: { ...values, status: 'odd_code' } }).text).toContain('New status: odd_code');
    expect(renderNotification({ trigger: 'sla_apology', language: 'sv', values }).text).toContain('senast den 16 mars 2026');
    expect(renderNotification({ trigger: 'sla_apology', language: 'en', values }).text).toContain('by 16 March 2026');
    expect(renderNotification({ trigger: 'sla_apology', language: 'fi', values }).text).toContain('viimeistään 16.3.2026');
    expect(renderNotification({ trigger: 'sla_apology', language: 'ar', values }).text).toContain('16 مارس 2026');
    // A point in time is shown in Swedish time: 23:30 UTC on 15 March is already the 16th.
    expect(formatDate(new Date('2026-03-15T23:30:00Z'), 'sv')).toBe('16 mars 2026');
  });
});

describe('values are data', () => {
  const hostile = {
    ...values,
    tenantName: 'Kommun <b>',
    citizenName: '<script>alert(1)</script>',
    answer: 'Se <img src=x onerror=alert(1)>\n{{tenantName}} {{#if x}}',
    departmentName: '"><script>x</script>',
  };

  it('escapes HTML in the html part and keeps line breaks as <br>', () => {
    const r = renderNotification({ trigger: 'answer', language: 'en', values: hostile });
    expect(r.html).not.toMatch(/<script|<img|<b>/);
    expect(r.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(r.html).toContain('Se &lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;<br>\n{{tenantName}} {{#if x}}');
  });

  it('keeps text parts as written and never compiles values', () => {
    const r = renderNotification({ trigger: 'answer', language: 'sv', values: hostile });
    expect(r.text).toContain('Hej <script>alert(1)</script>!');
    expect(r.text).toContain('{{tenantName}} {{#if x}}');
    expect(r.sms).toContain('{{tenantName}} {{#if x}}');
  });

  it('keeps the subject on one line', () => {
    const r = renderNotification({ trigger: 'receipt', language: 'sv', values: { ...values, reference: 'KC-1\r\nBcc: x@evil.example' } });
    expect(r.subject).toBe('Vi har tagit emot ditt ärende – KC-1 Bcc: x@evil.example');
  });

  it('escapes even a triple-stash in an override, and drops non-web links', () => {
    const overrides = { 'receipt.sv': { subject: 's', text: 't {{trackingUrl}}.', html: '<p>{{{citizenName}}}</p><a href="{{trackingUrl}}">x</a>' } };
    const r = renderNotification({ trigger: 'receipt', language: 'sv', values: { ...hostile, trackingUrl: 'javascript:alert(1)' }, overrides });
    expect(r.html).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p><a href="">x</a>');
    expect(r.text).toBe('t .\n');
  });

  it('refuses to render without the values the trigger needs', () => {
    expect(() => renderNotification({ trigger: 'answer', language: 'sv', values: { tenantName: 'X', reference: 'KC-1' } })).toThrow(/answer/);
    expect(() => renderNotification({ trigger: 'nope' as never, language: 'sv', values })).toThrow(/unknown notification trigger/);
  });
});

describe('language resolution', () => {
  it.each([
    ['xx', 'sv'],
    ['so', 'sv'],
    ['', 'sv'],
    [null, 'sv'],
    ['en-GB', 'en'],
    ['AR', 'ar'],
    ['fi_FI', 'fi'],
  ])('%p → %s', (requested, used) => {
    const r = renderNotification({ trigger: 'receipt', language: requested, values });
    expect(r.language).toBe(used);
    expect(r.html).toContain(`lang="${used}"`);
  });

  it('uses an override, also for a language without a default', () => {
    const so: TemplateParts = { subject: 'Waan helnay {{reference}}', text: 'Mahadsanid. {{tenantName}}', html: '<html lang="so"><p>{{reference}}</p></html>' };
    const r = renderNotification({ trigger: 'receipt', language: 'so', values, overrides: { 'receipt.so': so } });
    expect(r).toMatchObject({ language: 'so', source: 'override', subject: 'Waan helnay KC-2026-000123', text: 'Mahadsanid. Södertälje kommun\n' });
    // No sms part in the override and no default for 'so': the text part is used.
    expect(r.sms).toBe(r.text);
    const sv = renderNotification({ trigger: 'receipt', language: 'sv', values, overrides: { 'receipt.sv': { ...so, subject: 'Tack! {{reference}}' } } });
    expect(sv.subject).toBe('Tack! KC-2026-000123');
    expect(sv.sms).toContain('Tack för ditt meddelande'); // the default sms of the language
  });

  it('falls back to the default when a stored override does not compile', () => {
    const r = renderNotification({
      trigger: 'receipt',
      language: 'en',
      values,
      overrides: { 'receipt.en': { subject: 'x', text: '{{#if reference}}', html: 'y' } },
    });
    expect(r).toMatchObject({ language: 'en', source: 'default' });
    expect(r.overrideError).toBeInstanceOf(TemplateSyntaxError);
    expect(r.subject).toBe('We have received your inquiry – KC-2026-000123');
  });

  it('normalizes language codes', () => {
    expect([normalizeLanguage('sv-SE'), normalizeLanguage(' EN '), normalizeLanguage('x'), normalizeLanguage('1a')]).toEqual(['sv', 'en', undefined, undefined]);
  });
});

describe('validateTemplate', () => {
  const ok = { subject: 'Ärende {{reference}}', text: 'Hej!\n{{#if citizenName}}{{citizenName}}{{else}}du{{/if}}', html: '<p>{{answer}}</p>' };

  it('accepts a good template', () => {
    expect(() => validateTemplate(ok)).not.toThrow();
  });

  it('reports an unclosed block at the line where it opens', () => {
    const e = syntaxError(() => validateTemplate({ ...ok, html: '<p>\n</p>\n  {{#if reference}}\n<b>x</b>\n' }));
    expect(e).toMatchObject({ part: 'html', line: 3, column: 3 });
    expect(e.message).toMatch(/html, line 3.*never closed/);
  });

  it('reports an unterminated mustache at its line', () => {
    expect(syntaxError(() => validateTemplate({ ...ok, text: 'Hej\nvärlden {{ foo' }))).toMatchObject({ part: 'text', line: 2 });
    expect(syntaxError(() => validateTemplate({ ...ok, subject: 'a {{/if}}' }))).toMatchObject({ part: 'subject', line: 1 });
  });

  it('reports mismatched blocks, unknown values and unsupported features with their line', () => {
    expect(syntaxError(() => validateTemplate({ ...ok, text: 'a\n\n{{#if reference}}x{{/unless}}' }))).toMatchObject({ part: 'text', line: 3 });
    const unknown = syntaxError(() => validateTemplate({ ...ok, text: 'a\n b {{refrence}}' }));
    expect(unknown).toMatchObject({ line: 2, column: 4 });
    expect(unknown.message).toMatch(/unknown value "refrence"/);
    expect(syntaxError(() => validateTemplate({ ...ok, html: '{{> header}}' })).message).toMatch(/partial/);
    expect(syntaxError(() => validateTemplate({ ...ok, html: '\n{{#each reference}}{{/each}}' }))).toMatchObject({ line: 2 });
    expect(syntaxError(() => validateTemplate({ ...ok, text: '{{reference.length}}' })).message).toMatch(/unknown value/);
    expect(syntaxError(() => validateTemplate({ ...ok, text: '{{lookup reference "x"}}' })).message).toMatch(/no arguments/);
    expect(syntaxError(() => validateTemplate({ ...ok, sms: '{{#if}}' }))).toMatchObject({ part: 'sms' });
  });

  it('requires subject, text and html', () => {
    expect(syntaxError(() => validateTemplate({ subject: 'x', text: '  ' }))).toMatchObject({ part: 'text', line: 1 });
  });

  it('validates every default template', () => {
    for (const t of TRIGGERS) for (const l of LANGUAGES) validateTemplate(defaultTemplates[t][l]);
  });
});

describe('previewNotification', () => {
  it('renders with sample values in the language', () => {
    const r = previewNotification({ trigger: 'answer', language: 'fi' });
    expect(r.language).toBe('fi');
    expect(r.text).toContain('Kiitos, että ilmoitit');
    expect(r.subject).toBe('Vastaus asiaasi KC-2026-000123');
  });

  it('previews an unsaved template, rejecting a broken one', () => {
    const template = { subject: 'Hej {{citizenName}}', text: 't', html: 'h' };
    expect(previewNotification({ trigger: 'receipt', language: 'sv', template, values: { citizenName: 'Bo' } }).subject).toBe('Hej Bo');
    expect(syntaxError(() => previewNotification({ trigger: 'receipt', language: 'sv', template: { ...template, text: '{{#if x' } }))).toMatchObject({ part: 'text' });
  });
});
