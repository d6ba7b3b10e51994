// Rendering of notification templates (defaults or a tenant's overrides) with Handlebars.
// Values are only ever passed as data to compiled templates, never compiled themselves, so a
// citizen writing "{{tenantName}}" in a message cannot inject template code.
import Handlebars from 'handlebars';
import {
  defaultTemplates,
  NotificationLanguage,
  NotificationTrigger,
  STATUS_LABELS,
  TemplateParts,
} from './default-templates';

export const VALUE_NAMES = [
  'tenantName',
  'reference',
  'trackingUrl',
  'surveyUrl',
  'optOutUrl',
  'answer',
  'departmentName',
  'status',
  'expectedBy',
  'citizenName',
] as const;
export type ValueName = (typeof VALUE_NAMES)[number];

export interface NotificationValues {
  tenantName: string;
  reference?: string;
  trackingUrl?: string;
  surveyUrl?: string;
  optOutUrl?: string;
  /** Multi-line plain text written by staff; line breaks become <br> in HTML. */
  answer?: string;
  departmentName?: string;
  /** A status code (routed, assigned, transferred, …) is shown as a label in the language. */
  status?: string;
  /** Date (or ISO string; a bare YYYY-MM-DD is a calendar date), formatted per language. */
  expectedBy?: Date | string;
  citizenName?: string;
}

export type TemplatePart = 'subject' | 'text' | 'html' | 'sms';
/** Overrides keyed `${trigger}.${language}`, e.g. `receipt.sv`. */
export type TemplateOverrides = Record<string, TemplateParts>;

export class TemplateSyntaxError extends Error {
  /** line: 1-based line within `part`; column: 1-based when known. */
  constructor(
    readonly reason: string,
    readonly part: TemplatePart,
    readonly line: number,
    readonly column?: number,
  ) {
    super(`Template error in ${part}, line ${line}${column ? `, column ${column}` : ''}: ${reason}`);
    this.name = 'TemplateSyntaxError';
  }
}

export interface RenderRequest {
  trigger: NotificationTrigger;
  /** Requested language (citizen's preference, else the inquiry's); 'sv-SE' is read as 'sv'. */
  language?: string | null;
  values: NotificationValues;
  overrides?: TemplateOverrides;
  /** Time zone for expectedBy; defaults to Europe/Stockholm. */
  timeZone?: string;
}

export interface RenderedNotification {
  trigger: NotificationTrigger;
  /** The language actually used after fallback. */
  language: string;
  subject: string;
  text: string;
  html: string;
  /** Short form for SMS. */
  sms: string;
  source: 'override' | 'default';
  /** Set when a stored override failed to compile and the default was used instead. */
  overrideError?: TemplateSyntaxError;
}

const FALLBACK_LANGUAGES = ['sv', 'en'];
const MAX_TEMPLATE_CHARS = 100_000;
const BLOCK_HELPERS = new Set(['if', 'unless']);
const VALUE_SET: ReadonlySet<string> = new Set(VALUE_NAMES);
const REQUIRED_PARTS = ['subject', 'text', 'html'] as const;

// Values without which a message would be misleading: a programming error upstream, not a
// reason to send a citizen an empty answer.
const REQUIRED_VALUES: Record<NotificationTrigger, ValueName[]> = {
  receipt: ['tenantName', 'reference'],
  status_update: ['tenantName', 'reference'],
  answer: ['tenantName', 'reference', 'answer'],
  staff_message: ['tenantName', 'reference', 'answer'],
  survey_invitation: ['tenantName', 'reference', 'surveyUrl'],
  sla_apology: ['tenantName', 'reference', 'expectedBy'],
};

// A private environment: helpers someone registers on the global Handlebars cannot leak in.
const env = Handlebars.create();

export function templateKey(trigger: NotificationTrigger, language: string): string {
  return `${trigger}.${language}`;
}

/** 'sv-SE' → 'sv', 'EN' → 'en'; undefined for anything that is not a language code. */
export function normalizeLanguage(code: string | null | undefined): string | undefined {
  const primary = String(code ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return /^[a-z]{2,3}$/.test(primary) ? primary : undefined;
}

/** Throws TemplateSyntaxError for the first part at fault (syntax, unknown value, unsupported feature). */
export function validateTemplate(parts: Partial<TemplateParts>): void {
  for (const part of REQUIRED_PARTS) {
    if (typeof parts[part] !== 'string' || !parts[part]!.trim()) throw new TemplateSyntaxError('must not be empty', part, 1);
  }
  for (const part of [...REQUIRED_PARTS, 'sms'] as const) {
    const source = parts[part];
    if (part === 'sms' && source === undefined) continue;
    compile(String(source), part);
  }
}

// --- compilation ----------------------------------------------------------------------------

type Compiled = { fn: HandlebarsTemplateDelegate } | { error: TemplateSyntaxError };
const cache = new Map<string, Compiled>();
const CACHE_LIMIT = 2000;

/** Compiles (cached by part and source, so an edited override simply gets a new entry). */
function compile(source: string, part: TemplatePart): HandlebarsTemplateDelegate {
  const key = `${part}\u0000${source}`;
  let entry = cache.get(key);
  if (!entry) {
    try {
      const ast = parse(source, part);
      // knownHelpersOnly: the validated template calls no other helper, and the code is faster.
      const fn = env.compile(ast, { noEscape: part !== 'html', knownHelpers: { if: true, unless: true }, knownHelpersOnly: true });
      entry = { fn };
    } catch (e) {
      if (!(e instanceof TemplateSyntaxError)) throw e;
      entry = { error: e };
    }
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(key, entry);
  }
  if ('error' in entry) throw entry.error;
  return entry.fn;
}

function parse(source: string, part: TemplatePart): hbs.AST.Program {
  if (source.length > MAX_TEMPLATE_CHARS) throw new TemplateSyntaxError(`longer than ${MAX_TEMPLATE_CHARS} characters`, part, 1);
  let ast: hbs.AST.Program;
  try {
    ast = env.parse(source);
  } catch (e) {
    throw toSyntaxError(e, source, part);
  }
  checkNodes(ast, part);
  return ast;
}

const TOKEN_NAMES: Record<string, string> = {
  EOF: 'end of template',
  CLOSE: '"}}"',
  CLOSE_UNESCAPED: '"}}}"',
  OPEN_ENDBLOCK: 'closing tag "{{/…}}"',
  INVERSE: '"{{else}}"',
  OPEN_INVERSE_CHAIN: '"{{else …}}"',
  INVALID: 'characters',
};

function toSyntaxError(e: unknown, source: string, part: TemplatePart): TemplateSyntaxError {
  const err = e as { message?: string; lineNumber?: number; column?: number };
  const message = String(err.message ?? e);
  // Semantic errors ("if doesn't match each - 2:0") carry their location.
  if (typeof err.lineNumber === 'number') {
    return new TemplateSyntaxError(message.split('\n')[0].replace(/ - \d+:\d+$/, ''), part, err.lineNumber, (err.column ?? 0) + 1);
  }
  const got = /got '(\w+)'/.exec(message)?.[1];
  if (got === 'EOF') {
    // The parser only notices at the end; the line at fault is where the block was opened.
    const open = unclosedBlock(source);
    if (open) return new TemplateSyntaxError(`"{{${open.sigil}${open.name}}}" is never closed`, part, open.line, open.column);
  }
  // Jison keeps the position of the token it stopped at on its (shared, synchronous) lexer.
  const loc = (env as unknown as { Parser?: { lexer?: { yylloc?: { first_line: number; first_column: number } } } }).Parser?.lexer?.yylloc;
  const line = loc?.first_line ?? Number(/on line (\d+)/.exec(message)?.[1] ?? 1);
  const reason = got ? `unexpected ${TOKEN_NAMES[got] ?? got}` : message.split('\n')[0];
  return new TemplateSyntaxError(reason, part, line, loc ? loc.first_column + 1 : undefined);
}

function unclosedBlock(source: string): { sigil: string; name: string; line: number; column: number } | undefined {
  // Blank out comments (keeping line breaks) so a "{{#" inside one is not counted.
  const clean = source.replace(/\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}/g, (m) => m.replace(/[^\n]/g, ' '));
  const stack: { sigil: string; name: string; line: number; column: number }[] = [];
  for (const m of clean.matchAll(/\{\{~?\s*([#^/])\s*([^\s}~()]*)/g)) {
    if (!m[2]) continue; // "{{^}}" is an else
    if (m[1] === '/') {
      stack.pop();
      continue;
    }
    const before = clean.slice(0, m.index);
    stack.push({ sigil: m[1], name: m[2], line: before.split('\n').length, column: m.index! - before.lastIndexOf('\n') });
  }
  return stack.pop();
}

/** Only plain values, {{#if}} and {{#unless}}: what a tenant can write cannot misbehave at send time. */
function checkNodes(program: hbs.AST.Program, part: TemplatePart): void {
  const fail = (node: hbs.AST.Node, reason: string): never => {
    throw new TemplateSyntaxError(reason, part, node.loc?.start.line ?? 1, node.loc ? node.loc.start.column + 1 : undefined);
  };
  const value = (node: hbs.AST.Expression, owner: hbs.AST.Node): void => {
    const p = node as hbs.AST.PathExpression;
    if (p.type !== 'PathExpression' || p.data || p.parts.length !== 1 || !VALUE_SET.has(p.parts[0])) {
      const shown = p.original ?? (node as hbs.AST.StringLiteral).original ?? node.type;
      fail(owner, `unknown value "${shown}"; available: ${VALUE_NAMES.join(', ')}`);
    }
  };
  const walk = (node: hbs.AST.Node): void => {
    switch (node.type) {
      case 'Program':
        (node as hbs.AST.Program).body.forEach(walk);
        return;
      case 'ContentStatement':
      case 'CommentStatement':
        return;
      case 'MustacheStatement': {
        const m = node as hbs.AST.MustacheStatement;
        if (m.params.length || m.hash) fail(node, `"${(m.path as hbs.AST.PathExpression).original}" takes no arguments; only {{#if}} and {{#unless}} blocks are supported`);
        value(m.path, node);
        return;
      }
      case 'BlockStatement': {
        const b = node as hbs.AST.BlockStatement;
        const name = (b.path as hbs.AST.PathExpression).original;
        if (!BLOCK_HELPERS.has(name)) fail(node, `"{{#${name}}}" is not supported; use {{#if value}} or {{#unless value}}`);
        if (b.params.length !== 1 || b.hash) fail(node, `"{{#${name}}}" needs exactly one value`);
        value(b.params[0], node);
        walk(b.program);
        if (b.inverse) walk(b.inverse);
        return;
      }
      default:
        fail(node, `${node.type.replace(/Statement$/, '').toLowerCase()} is not supported`);
    }
  };
  walk(program);
}

// --- values ---------------------------------------------------------------------------------

const DATE_LOCALES: Record<string, string> = { sv: 'sv-SE', en: 'en-GB', fi: 'fi-FI', ar: 'ar-u-nu-latn' };
// Finnish reads best as 23.11.2026 (no case inflection needed after "viimeistään").
const DATE_OPTIONS: Record<string, Intl.DateTimeFormatOptions> = { fi: { day: 'numeric', month: 'numeric', year: 'numeric' } };

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** Formatters cost more to build than to use (tens of microseconds): one per language and zone. */
function dateFormat(language: string, timeZone: string): Intl.DateTimeFormat {
  const key = `${language}\u0000${timeZone}`;
  let f = dateFormats.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions = { ...(DATE_OPTIONS[language] ?? { day: 'numeric', month: 'long', year: 'numeric' }), timeZone };
    try {
      f = new Intl.DateTimeFormat(DATE_LOCALES[language] ?? language, options);
    } catch {
      f = new Intl.DateTimeFormat('en-GB', options);
    }
    if (dateFormats.size >= 500) dateFormats.clear();
    dateFormats.set(key, f);
  }
  return f;
}

export function formatDate(value: Date | string, language: string, timeZone = 'Europe/Stockholm'): string {
  const dateOnly = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  // A calendar date is midnight UTC; shifting it to another zone could change the day.
  return dateFormat(language, dateOnly ? 'UTC' : timeZone).format(date);
}

function prepareValues(values: NotificationValues, language: string, timeZone: string | undefined, html: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of VALUE_NAMES) {
    const raw = values[name];
    if (raw === undefined || raw === null || raw === '') continue;
    let s: string;
    if (name === 'expectedBy') s = formatDate(raw as Date | string, language, timeZone);
    else if (name === 'status') {
      const labels = STATUS_LABELS[String(raw)];
      s = labels ? (labels[language as NotificationLanguage] ?? labels.en) : String(raw);
    } else s = String(raw);
    // Only web links: a "javascript:" URL in an e-mail would run in some webmail clients.
    if (name.endsWith('Url') && !/^https?:\/\//i.test(s)) continue;
    s = s.replace(/\r\n?/g, '\n');
    // HTML: escaped here, line breaks kept as <br>. A SafeString is emitted as is, so even a
    // tenant's triple-stash {{{answer}}} cannot output unescaped citizen data.
    out[name] = html ? new env.SafeString(env.escapeExpression(s).replace(/\n/g, '<br>\n')) : s;
  }
  return out;
}

// --- rendering ------------------------------------------------------------------------------

function renderParts(
  trigger: NotificationTrigger,
  language: string,
  parts: TemplateParts,
  smsFallback: string | undefined,
  req: RenderRequest,
): Omit<RenderedNotification, 'source' | 'overrideError'> {
  const plain = prepareValues(req.values, language, req.timeZone, false);
  const escaped = prepareValues(req.values, language, req.timeZone, true);
  const subject = compile(parts.subject, 'subject')(plain).replace(/\s+/g, ' ').trim(); // a header: one line
  const text = tidy(compile(parts.text, 'text')(plain));
  const html = compile(parts.html, 'html')(escaped);
  const smsSource = parts.sms ?? smsFallback;
  const sms = smsSource === undefined ? text : tidy(compile(smsSource, 'sms')(plain));
  return { trigger, language, subject, text, html, sms };
}

// Optional blocks can leave trailing blanks and runs of empty lines behind ("-- " is the
// signature separator mail clients recognise, so it keeps its space).
const tidy = (s: string) =>
  s
    .split('\n')
    .map((l) => (l === '-- ' ? l : l.trimEnd()))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim() + '\n';

/**
 * Renders a notification. Language: the requested one if a template exists for it (override or
 * default), else sv, else en. An override that does not compile (it should have been rejected on
 * save) falls back to the default of that language rather than leaving the citizen without word.
 */
export function renderNotification(req: RenderRequest): RenderedNotification {
  const missing = REQUIRED_VALUES[req.trigger]?.filter((n) => req.values[n] === undefined || req.values[n] === null || req.values[n] === '');
  if (!missing) throw new TypeError(`unknown notification trigger "${req.trigger}"`);
  if (missing.length) throw new TypeError(`${req.trigger} needs value(s): ${missing.join(', ')}`);

  let overrideError: TemplateSyntaxError | undefined;
  const requested = normalizeLanguage(req.language);
  for (const language of new Set([...(requested ? [requested] : []), ...FALLBACK_LANGUAGES])) {
    const defaults = (defaultTemplates[req.trigger] as Record<string, TemplateParts | undefined>)[language];
    const override = req.overrides?.[templateKey(req.trigger, language)];
    if (override) {
      try {
        return { ...renderParts(req.trigger, language, override, defaults?.sms, req), source: 'override' };
      } catch (e) {
        if (!(e instanceof TemplateSyntaxError)) throw e;
        overrideError ??= e;
      }
    }
    if (defaults) return { ...renderParts(req.trigger, language, defaults, undefined, req), source: 'default', overrideError };
  }
  throw new Error('unreachable: the sv default exists for every trigger');
}

/** Sample values for previews, in the language previewed. */
export function sampleValues(language: string): NotificationValues {
  const answers: Record<string, string> = {
    sv: 'Tack för att du hörde av dig om gatubelysningen på Storgatan.\nVi har beställt en reparation och lampan ska vara lagad inom två veckor.',
    en: 'Thank you for telling us about the street light on Storgatan.\nWe have ordered a repair and the light should be fixed within two weeks.',
    ar: 'شكراً لإبلاغنا عن إنارة الشارع في شارع Storgatan.\nلقد طلبنا إصلاحها، ومن المتوقع أن يتم ذلك خلال أسبوعين.',
    fi: 'Kiitos, että ilmoitit Storgatanin katuvalosta.\nOlemme tilanneet korjauksen, ja valon pitäisi toimia kahden viikon kuluessa.',
  };
  return {
    tenantName: 'Demo kommun',
    reference: 'KC-2026-000123',
    trackingUrl: 'https://lotsen.example/arenden/KC-2026-000123?token=exempel',
    surveyUrl: 'https://lotsen.example/surveys/exempel',
    optOutUrl: 'https://lotsen.example/avregistrera/exempel',
    answer: answers[language] ?? answers.sv,
    departmentName: 'Gata och park',
    status: 'assigned',
    expectedBy: new Date(Date.now() + 7 * 24 * 3600 * 1000),
    citizenName: 'Anna Andersson',
  };
}

/**
 * Renders with sample values (merged with any given). With `template`, previews an unsaved
 * template for that trigger and language: it is validated first, so a bad one throws
 * TemplateSyntaxError instead of silently showing the default.
 */
export function previewNotification(opts: {
  trigger: NotificationTrigger;
  language?: string | null;
  values?: Partial<NotificationValues>;
  overrides?: TemplateOverrides;
  template?: TemplateParts;
  timeZone?: string;
}): RenderedNotification {
  const language = normalizeLanguage(opts.language) ?? 'sv';
  let overrides = opts.overrides;
  if (opts.template) {
    validateTemplate(opts.template);
    overrides = { ...overrides, [templateKey(opts.trigger, language)]: opts.template };
  }
  return renderNotification({
    trigger: opts.trigger,
    language,
    values: { ...sampleValues(language), ...opts.values } as NotificationValues,
    overrides,
    timeZone: opts.timeZone,
  });
}
