// Server-rendered pages: every value goes through `esc`, markup is only ever written here.
import { DIRECTION, LANGUAGE_NAMES, Locale, t } from './page-texts';
import { LOCALES } from '../open311/open311-texts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and double-quoted attribute values. */
export function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

export const ASSET_BASE = '/e-tjanst/assets';

export interface PageOptions {
  locale: Locale;
  title: string;
  /** Path (with query) of this page without `lang`, for the language links. */
  path: string;
  body: string;
  /** Adds the form script (progressive: the page works without it). */
  script?: boolean;
}

/** A whole page: language and direction, skip link, language switcher, one <main>. */
export function layout(o: PageOptions): string {
  const sep = o.path.includes('?') ? '&' : '?';
  const langs = LOCALES.map((l) => {
    const current = l === o.locale ? ' aria-current="true"' : '';
    return `<li><a href="${esc(`${o.path}${sep}lang=${l}`)}" lang="${l}" hreflang="${l}"${current}>${esc(LANGUAGE_NAMES[l])}</a></li>`;
  }).join('');
  return `<!DOCTYPE html>
<html lang="${o.locale}" dir="${DIRECTION[o.locale]}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(o.title)}</title>
<link rel="stylesheet" href="${ASSET_BASE}/site.css">
${o.script ? `<script src="${ASSET_BASE}/form.js" defer></script>\n` : ''}</head>
<body>
<a class="skip" href="#main">${esc(t('skip', o.locale))}</a>
<header class="top">
<nav aria-label="${esc(t('languages', o.locale))}"><ul class="langs">${langs}</ul></nav>
</header>
<main id="main" tabindex="-1">
${o.body}
</main>
</body>
</html>`;
}
