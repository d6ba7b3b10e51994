// Minimal citizen pages (survey, opt-out): one self-contained HTML document, no external assets,
// every value escaped, lang/dir from the language, and a CSP that allows only our inline style.
import { createHash } from 'node:crypto';
import { RTL_LANGUAGES } from '../templates';

const STYLE = `
body{margin:0;background:#f4f4f4;font-family:Arial,Helvetica,sans-serif;font-size:18px;line-height:1.5;color:#1a1a1a}
main{max-width:40rem;margin:0 auto;padding:1.5rem;background:#fff}
h1{font-size:1.6rem;margin-top:0}
fieldset{border:1px solid #767676;border-radius:4px;margin:0 0 1.25rem;padding:.75rem 1rem}
legend{font-weight:bold;padding:0 .25rem}
.option{display:flex;align-items:center;gap:.6rem;margin:.4rem 0}
.option input{width:1.4rem;height:1.4rem;margin:0}
label{cursor:pointer}
textarea{width:100%;box-sizing:border-box;min-height:8rem;font:inherit;padding:.5rem;border:1px solid #767676;border-radius:4px}
button{font:inherit;font-weight:bold;padding:.6rem 1.2rem;background:#005a9c;color:#fff;border:2px solid #005a9c;border-radius:4px;cursor:pointer}
:focus-visible{outline:3px solid #f5a623;outline-offset:2px}
.error{border-inline-start:4px solid #b00020;background:#fdecee;padding:.5rem 1rem}
.hint{color:#444;font-size:.95rem}
`;

const STYLE_HASH = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

/** Our pages' own CSP: nothing loads from anywhere, the form posts only to us. */
export const PAGE_CSP = `default-src 'none'; style-src ${STYLE_HASH}; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

export function htmlPage(opts: { language: string; title: string; body: string }): string {
  const dir = RTL_LANGUAGES.has(opts.language) ? 'rtl' : 'ltr';
  return `<!DOCTYPE html>
<html lang="${escapeHtml(opts.language)}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(opts.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${opts.body}
</main>
</body>
</html>
`;
}
