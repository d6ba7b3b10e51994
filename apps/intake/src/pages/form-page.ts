import { localized } from '../open311/open311-texts';
import { ServiceDefinition } from '../catalogue/service-definitions.repository';
import { esc, layout } from './html';
import { Locale, t, TextKey } from './page-texts';

export const FORM_PATH = '/e-tjanst';
export const FOLLOW_PATH = '/arende';

export type FormField = 'category' | 'subject' | 'body' | 'address' | 'lat' | 'lon' | 'name' | 'email' | 'phone';
export type FormValues = Partial<Record<FormField | 'notify', string>>;
export type FormErrors = Partial<Record<FormField | 'form', string>>;

/** Order of the error summary = order on the page. */
const FIELD_ORDER: FormField[] = ['category', 'subject', 'body', 'address', 'lat', 'lon', 'name', 'email', 'phone'];

export interface FormPageInput {
  locale: Locale;
  tenantParam?: string;
  services: ServiceDefinition[];
  csrf: string;
  values?: FormValues;
  errors?: FormErrors;
  /** Keep the notify box as the citizen left it; checked on a fresh form. */
  fresh: boolean;
}

const id = (f: string) => `f-${f}`;

export function renderFormPage(p: FormPageInput): string {
  const L = p.locale;
  const v = p.values ?? {};
  const errors = p.errors ?? {};
  const errorFields = FIELD_ORDER.filter((f) => errors[f]);
  const describedBy = (f: FormField, hint?: boolean) => {
    const ids = [hint ? `${id(f)}-hint` : '', errors[f] ? `${id(f)}-error` : ''].filter(Boolean).join(' ');
    return ids ? ` aria-describedby="${ids}"` : '';
  };
  const invalid = (f: FormField) => (errors[f] ? ' aria-invalid="true"' : '');
  const errorLine = (f: FormField) => (errors[f] ? `<p class="field-error" id="${id(f)}-error"><span class="visually-hidden">${esc(t('errorPrefix', L))} </span>${esc(errors[f])}</p>` : '');
  const mark = (required: boolean) => ` <span class="req">(${esc(t(required ? 'required' : 'optional', L))})</span>`;
  const input = (f: FormField, labelKey: TextKey, type: string, o: { autocomplete?: string; hint?: string; inputmode?: string; required?: boolean; maxlength?: number } = {}) => `
<div class="field">
<label for="${id(f)}">${esc(t(labelKey, L))}${mark(Boolean(o.required))}</label>
${o.hint ? `<p class="hint" id="${id(f)}-hint">${esc(o.hint)}</p>` : ''}${errorLine(f)}
<input type="${type}" id="${id(f)}" name="${f}" value="${esc(v[f])}"${o.autocomplete ? ` autocomplete="${o.autocomplete}"` : ''}${o.inputmode ? ` inputmode="${o.inputmode}"` : ''}${o.maxlength ? ` maxlength="${o.maxlength}"` : ''}${o.required ? ' required' : ''}${invalid(f)}${describedBy(f, Boolean(o.hint))}>
</div>`;

  const services = [...p.services].sort((a, b) => (localized(a.name, L) ?? a.code).localeCompare(localized(b.name, L) ?? b.code, L));
  const options = [`<option value="">${esc(t('categoryNone', L))}</option>`, ...services.map((s) =>
    `<option value="${esc(s.code)}"${s.faultReport ? ' data-fault="1"' : ''}${s.public ? ' data-public="1"' : ''}${v.category === s.code ? ' selected' : ''}>${esc(localized(s.name, L) ?? s.code)}${s.public ? ` (${esc(t('publicMark', L))})` : ''}</option>`)].join('\n');
  // Told before sending: the notice is bound to the select and shown while a public service is chosen
  // (the script toggles it; without the script the option's own label says it).
  const chosenPublic = services.some((s) => s.public && s.code === v.category);

  const summaryItems = [
    ...(errors.form ? [`<li>${esc(errors.form)}</li>`] : []),
    ...errorFields.map((f) => `<li><a href="#${id(f)}">${esc(errors[f])}</a></li>`),
  ];
  const summary = summaryItems.length
    ? `<div class="error-summary" id="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" autofocus>
<h2 id="error-summary-title">${esc(t('errorSummary', L))}</h2>
<ul>${summaryItems.join('')}</ul>
</div>`
    : '';
  const notifyChecked = p.fresh || v.notify === 'yes';

  const body = `<h1>${esc(t('formTitle', L))}</h1>
${summary}
<p>${esc(t('formIntro', L))}</p>
<form method="post" action="${FORM_PATH}" novalidate>
<input type="hidden" name="csrf" value="${esc(p.csrf)}">
<input type="hidden" name="lang" value="${L}">
${p.tenantParam ? `<input type="hidden" name="kommun" value="${esc(p.tenantParam)}">` : ''}
<div class="field">
<label for="${id('category')}">${esc(t('category', L))}${mark(false)}</label>
${errorLine('category')}
<select id="${id('category')}" name="category"${invalid('category')} aria-describedby="${[errors.category ? `${id('category')}-error` : '', `${id('category')}-public`].filter(Boolean).join(' ')}">
${options}
</select>
<p class="notice" id="${id('category')}-public" aria-live="polite"${chosenPublic ? '' : ' hidden'}>${esc(t('publicNotice', L))}</p>
</div>
${input('subject', 'subject', 'text', { maxlength: 200 })}
<div class="field">
<label for="${id('body')}">${esc(t('body', L))}${mark(true)}</label>
<p class="hint" id="${id('body')}-hint">${esc(t('bodyHint', L))}</p>
${errorLine('body')}
<textarea id="${id('body')}" name="body" rows="8" required${invalid('body')}${describedBy('body', true)}>${esc(v.body)}</textarea>
</div>
<fieldset id="location" aria-describedby="location-hint">
<legend>${esc(t('location', L))}${mark(false)}</legend>
<p class="hint" id="location-hint">${esc(t('locationHint', L))}</p>
${input('address', 'address', 'text', { autocomplete: 'street-address', maxlength: 300 })}
<div class="row">
${input('lat', 'lat', 'text', { inputmode: 'decimal', hint: t('coordsHint', L) })}
${input('lon', 'lon', 'text', { inputmode: 'decimal' })}
</div>
</fieldset>
<fieldset aria-describedby="contact-hint">
<legend>${esc(t('contact', L))}</legend>
<p class="hint" id="contact-hint">${esc(t('contactHint', L))}</p>
${input('name', 'name', 'text', { autocomplete: 'name', maxlength: 200 })}
${input('email', 'email', 'email', { autocomplete: 'email' })}
${input('phone', 'phone', 'tel', { autocomplete: 'tel' })}
<div class="field check">
<input type="checkbox" id="f-notify" name="notify" value="yes"${notifyChecked ? ' checked' : ''}>
<label for="f-notify">${esc(t('notify', L))}</label>
</div>
</fieldset>
<div class="hp"><label for="f-website">${esc(t('honeypot', L))}</label><input type="text" id="f-website" name="website" value="" tabindex="-1" autocomplete="off"></div>
<button type="submit">${esc(t('send', L))}</button>
</form>`;
  return layout({ locale: L, title: `${summaryItems.length ? `${t('errorPrefix', L)} ` : ''}${t('formTitle', L)}`, path: formPath(p.tenantParam), body, script: true });
}

export function formPath(tenantParam?: string): string {
  return tenantParam ? `${FORM_PATH}?kommun=${encodeURIComponent(tenantParam)}` : FORM_PATH;
}

export function followUrl(reference: string, token: string, locale: Locale): string {
  return `${FOLLOW_PATH}?reference=${encodeURIComponent(reference)}&token=${encodeURIComponent(token)}&lang=${locale}`;
}

export function renderReceiptPage(p: { locale: Locale; reference: string; trackingToken: string; duplicateOf?: string; tenantParam?: string }): string {
  const L = p.locale;
  const link = followUrl(p.reference, p.trackingToken, L);
  const body = `<h1>${esc(t('receiptTitle', L))}</h1>
<p>${esc(t('receiptReference', L))}:</p>
<p class="reference" id="reference">${esc(p.reference)}</p>
${p.duplicateOf ? `<p class="notice" id="duplicate">${esc(t('duplicate', L, { ref: p.duplicateOf }))}</p>` : ''}
<p>${esc(t('receiptKeep', L))}</p>
<p><a id="follow-link" href="${esc(link)}">${esc(t('followLink', L))}</a></p>
<p><a href="${esc(formPath(p.tenantParam))}">${esc(t('newInquiry', L))}</a></p>`;
  return layout({ locale: L, title: t('receiptTitle', L), path: link.replace(/&lang=\w+$/, ''), body });
}
