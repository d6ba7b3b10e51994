// HTML e-mail bodies become plain text before anything is stored: the markup (scripts, styles,
// tracking pixels, event handlers) never reaches the database or a page. A single linear scan,
// no DOM, bounded input; the result is text and is escaped wherever it is shown.

/** Elements whose content is never text for a reader. */
const DROPPED = new Set(['script', 'style', 'head', 'title', 'template', 'noscript', 'svg', 'math', 'object', 'iframe', 'canvas', 'audio', 'video', 'select', 'button']);
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'legend', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary',
  'table', 'tbody', 'thead', 'tfoot', 'tr', 'ul', 'body', 'html',
]);
const PARAGRAPH = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'table', 'ul', 'ol', 'pre', 'hr']);
const CELL = new Set(['td', 'th']);

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', shy: '', zwnj: '', zwj: '', lrm: '', rlm: '',
  auml: 'ä', Auml: 'Ä', ouml: 'ö', Ouml: 'Ö', aring: 'å', Aring: 'Å', uuml: 'ü', Uuml: 'Ü', eacute: 'é', Eacute: 'É',
  egrave: 'è', agrave: 'à', aacute: 'á', oacute: 'ó', iacute: 'í', uacute: 'ú', ccedil: 'ç', ntilde: 'ñ', oslash: 'ø', Oslash: 'Ø',
  aelig: 'æ', AElig: 'Æ', szlig: 'ß', hellip: '…', ndash: '–', mdash: '—', lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“',
  rdquo: '”', bdquo: '„', laquo: '«', raquo: '»', euro: '€', pound: '£', copy: '©', reg: '®', trade: '™', deg: '°',
  middot: '·', bull: '•', times: '×', divide: '÷', sect: '§', para: '¶', ensp: ' ', emsp: ' ', thinsp: ' ',
};

const MAX_INPUT = 2_000_000;
/** Markers for a line break / paragraph break owed by a block element. */
const LINE = '\u0001';
const PARA = '\u0002';

/** Decodes character references (named ones we know, every numeric one); unknown ones stay as written. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?/g, (m, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      // NUL, surrogates and out-of-range code points become the replacement character (HTML's rule).
      if (!code || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
      return String.fromCodePoint(code);
    }
    return Object.prototype.hasOwnProperty.call(NAMED, ref) ? NAMED[ref] : m;
  });
}

interface Tag {
  name: string;
  closing: boolean;
  attrs: Record<string, string>;
  end: number;
}

/** Reads the tag starting at `i` (s[i] === '<'); undefined when it is no tag (a bare '<'). */
function readTag(s: string, i: number): Tag | undefined {
  let j = i + 1;
  const closing = s[j] === '/';
  if (closing) j++;
  const nameMatch = /^[A-Za-z][A-Za-z0-9:-]*/.exec(s.slice(j, j + 64));
  if (!nameMatch) return undefined;
  const name = nameMatch[0].toLowerCase();
  j += nameMatch[0].length;
  const attrs: Record<string, string> = {};
  while (j < s.length && s[j] !== '>') {
    const c = s[j];
    if (/[\s/]/.test(c)) {
      j++;
      continue;
    }
    const an = /^[^\s"'>\/=]+/.exec(s.slice(j, j + 256));
    if (!an) {
      j++;
      continue;
    }
    j += an[0].length;
    while (/\s/.test(s[j] ?? '')) j++;
    let value = '';
    if (s[j] === '=') {
      j++;
      while (/\s/.test(s[j] ?? '')) j++;
      const q = s[j];
      if (q === '"' || q === "'") {
        const close = s.indexOf(q, j + 1);
        const stop = close < 0 ? s.length : close;
        value = s.slice(j + 1, stop);
        j = stop + 1;
      } else {
        const uq = /^[^\s>]*/.exec(s.slice(j, j + 4096))![0];
        value = uq;
        j += uq.length;
      }
    }
    attrs[an[0].toLowerCase()] = decodeEntities(value);
  }
  return { name, closing, attrs, end: Math.min(j + 1, s.length) };
}

/**
 * Plain text of an HTML document as a reader sees it: blocks on their own lines, list items
 * with "- ", links as "text <url>", images by their alt text, scripts/styles dropped.
 */
export function htmlToText(html: string): string {
  const s = html.length > MAX_INPUT ? html.slice(0, MAX_INPUT) : html;
  const out: string[] = [];
  let pre = 0;
  let link: { href: string; start: number } | undefined;
  // Block boundaries are markers first: adjacent ones (</div><div>) make one break, not several.
  const newline = (n: 1 | 2) => out.push(n === 2 ? PARA : LINE);
  const text = (t: string) => {
    const decoded = decodeEntities(t).replace(/[\u0001\u0002]/g, '');
    out.push(pre > 0 ? decoded : decoded.replace(/[\t\n\r\f ]+/g, ' '));
  };

  let i = 0;
  while (i < s.length) {
    const lt = s.indexOf('<', i);
    if (lt < 0) {
      text(s.slice(i));
      break;
    }
    if (lt > i) text(s.slice(i, lt));
    if (s.startsWith('<!--', lt)) {
      const close = s.indexOf('-->', lt + 4);
      i = close < 0 ? s.length : close + 3;
      continue;
    }
    if (s[lt + 1] === '!' || s[lt + 1] === '?') {
      const close = s.indexOf('>', lt);
      i = close < 0 ? s.length : close + 1;
      continue;
    }
    const tag = readTag(s, lt);
    if (!tag) {
      text('<');
      i = lt + 1;
      continue;
    }
    i = tag.end;
    const { name } = tag;
    if (!tag.closing && DROPPED.has(name)) {
      // Skip to the matching end tag (raw text: nothing inside is markup for us).
      const re = new RegExp(`</${name}\\s*>`, 'ig');
      re.lastIndex = i;
      const m = re.exec(s);
      i = m ? m.index + m[0].length : s.length;
      continue;
    }
    if (name === 'br') out.push('\n');
    else if (name === 'li') {
      if (!tag.closing) out.push(`${LINE}- `);
    } else if (CELL.has(name)) {
      if (!tag.closing) out.push(' ');
    } else if (name === 'img') {
      if (tag.attrs.alt) out.push(` ${tag.attrs.alt} `);
    } else if (name === 'a') {
      if (!tag.closing) link = { href: tag.attrs.href ?? '', start: out.length };
      else if (link) {
        const label = out.slice(link.start).join('').replace(/\s+/g, ' ').trim();
        const href = link.href.trim();
        const shown = href.replace(/^mailto:/i, '');
        if (/^(https?:|mailto:)/i.test(href) && shown !== label) out.push(label ? ` <${shown}>` : shown);
        link = undefined;
      }
    } else if (BLOCK.has(name)) {
      if (name === 'pre') pre += tag.closing ? (pre > 0 ? -1 : 0) : 1;
      newline(PARAGRAPH.has(name) ? 2 : 1);
    }
  }
  const joined = out.join('').replace(/[ \t]*[\u0001\u0002][\s\u0001\u0002]*/g, (run) => (run.includes(PARA) ? '\n\n' : '\n'));
  return tidy(joined);
}

/** Trims each line, keeps at most one blank line in a row. */
export function tidy(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
