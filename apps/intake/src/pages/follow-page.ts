import { esc, layout } from './html';
import { FOLLOW_PATH } from './form-page';
import { label, Locale, t } from './page-texts';

export interface CitizenCase {
  reference: string;
  status: string;
  subject: string | null;
  receivedAt: Date | string;
  handledBy: string | null;
  /** The case number the department's own case-management system gave it (diarienummer). */
  caseNumber?: string | null;
  thread: Array<{ author: string; body: string; at: Date | string }>;
}

function when(at: Date | string, locale: Locale, timeZone: string): string {
  const d = new Date(at);
  const tag = locale === 'ar' ? 'ar-u-nu-latn' : locale === 'sv' ? 'sv-SE' : locale === 'fi' ? 'fi-FI' : 'en-GB';
  return new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(d);
}

/** Lookup form (and, when a lookup failed, why). */
export function renderFollowForm(p: { locale: Locale; reference?: string; notFound?: boolean }): string {
  const L = p.locale;
  const err = p.notFound
    ? `<div class="error-summary" id="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" autofocus>
<h2 id="error-summary-title">${esc(t('errorSummary', L))}</h2>
<ul><li><a href="#f-reference">${esc(t('notFound', L))}</a></li></ul>
</div>`
    : '';
  const described = p.notFound ? ' aria-describedby="follow-error" aria-invalid="true"' : '';
  const body = `<h1>${esc(t('followTitle', L))}</h1>
${err}
<p>${esc(t('followIntro', L))}</p>
${p.notFound ? `<p class="field-error" id="follow-error"><span class="visually-hidden">${esc(t('errorPrefix', L))} </span>${esc(t('notFound', L))}</p>` : ''}
<form method="get" action="${FOLLOW_PATH}">
<input type="hidden" name="lang" value="${L}">
<div class="field">
<label for="f-reference">${esc(t('reference', L))} <span class="req">(${esc(t('required', L))})</span></label>
<input type="text" id="f-reference" name="reference" value="${esc(p.reference)}" required autocomplete="off" spellcheck="false"${described}>
</div>
<div class="field">
<label for="f-token">${esc(t('token', L))} <span class="req">(${esc(t('required', L))})</span></label>
<input type="text" id="f-token" name="token" value="" required autocomplete="off" spellcheck="false"${described}>
</div>
<button type="submit">${esc(t('show', L))}</button>
</form>`;
  return layout({ locale: L, title: `${p.notFound ? `${t('errorPrefix', L)} ` : ''}${t('followTitle', L)}`, path: FOLLOW_PATH, body, script: Boolean(p.notFound) });
}

/** The case as the citizen may see it; every value escaped (a message may hold anything). */
export const REPLY_MAX = 5000;

/** The reply box of a case that awaits the citizen (posted with the form's CSRF token). */
function replyForm(L: Locale, c: CitizenCase, token: string, csrf: string): string {
  return `<h2 id="reply-title">${esc(t('replyTitle', L))}</h2>
<form method="post" action="${FOLLOW_PATH}" aria-labelledby="reply-title">
<input type="hidden" name="lang" value="${L}">
<input type="hidden" name="reference" value="${esc(c.reference)}">
<input type="hidden" name="token" value="${esc(token)}">
<input type="hidden" name="csrf" value="${esc(csrf)}">
<div class="field">
<label for="f-reply">${esc(t('replyLabel', L))}</label>
<textarea id="f-reply" name="message" rows="6" required maxlength="${REPLY_MAX}"></textarea>
</div>
<button type="submit">${esc(t('replySend', L))}</button>
</form>`;
}

export function renderFollowPage(p: { locale: Locale; c: CitizenCase; token: string; timeZone: string; csrf?: string }): string {
  const L = p.locale;
  const c = p.c;
  const handledBy = c.handledBy === 'kontaktcenter' ? t('contactCenter', L) : c.handledBy;
  const thread = c.thread.map((m) => `<li>
<p class="meta"><strong>${esc(label('author', m.author, L))}</strong>, <time datetime="${esc(new Date(m.at).toISOString())}">${esc(when(m.at, L, p.timeZone))}</time></p>
<p class="msg">${esc(m.body)}</p>
</li>`).join('\n');
  const body = `<h1>${esc(t('followTitle', L))}: ${esc(c.reference)}</h1>
<dl class="facts">
<dt>${esc(t('status', L))}</dt><dd id="status">${esc(label('status', c.status, L))}</dd>
${handledBy ? `<dt>${esc(t('handledBy', L))}</dt><dd>${esc(handledBy)}</dd>` : ''}
<dt>${esc(t('receivedAt', L))}</dt><dd>${esc(when(c.receivedAt, L, p.timeZone))}</dd>
${c.subject ? `<dt>${esc(t('subject', L))}</dt><dd>${esc(c.subject)}</dd>` : ''}
</dl>
${c.caseNumber ? `<p id="case-number">${esc(t('caseNumber', L)).replace('{number}', `<bdi>${esc(c.caseNumber)}</bdi>`)}</p>` : ''}
<h2>${esc(t('thread', L))}</h2>
<ol class="thread" id="thread">
${thread}
</ol>
${c.status === 'awaiting_citizen' && p.csrf ? replyForm(L, c, p.token, p.csrf) : ''}`;
  const path = `${FOLLOW_PATH}?reference=${encodeURIComponent(c.reference)}&token=${encodeURIComponent(p.token)}`;
  return layout({ locale: L, title: `${t('followTitle', L)}: ${c.reference}`, path, body });
}
