/**
 * GeoReport v2 documents, written once and rendered as XML (required; plain-text elements,
 * no namespace) or JSON by the "Spark" convention: the root element is dropped, so a list
 * document is a top-level array and a record document is an object.
 */

export type Open311Format = 'xml' | 'json';
export type Scalar = string | number | boolean | null;
export type Open311Value = Scalar | undefined | Open311Value[] | { [key: string]: Open311Value };
export type Open311Record = { [key: string]: Open311Value };

export interface Open311Document {
  root: string;
  body: Open311Record[] | Open311Record;
}

/** Child element name of each list element (XML only; JSON arrays have no item names). */
const ITEM_NAMES: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  attributes: 'attribute',
  values: 'value',
  errors: 'error',
  endpoints: 'endpoint',
  formats: 'format',
  groups: 'group',
};

export const CONTENT_TYPES: Record<Open311Format, string> = {
  xml: 'text/xml; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/** Characters XML 1.0 cannot carry at all (controls, lone surrogates, U+FFFE/U+FFFF). */
const NOT_XML_CHAR = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML_CHAR, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;');
}

function scalarText(v: Scalar): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return escapeXml(String(v));
}

function element(name: string, value: Open311Value): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) {
    const item = ITEM_NAMES[name];
    if (!item) throw new Error(`No item element name for list '${name}'`);
    return `<${name}>${value.map((v) => element(item, v)).join('')}</${name}>`;
  }
  if (value !== null && typeof value === 'object') {
    return `<${name}>${Object.entries(value).map(([k, v]) => element(k, v)).join('')}</${name}>`;
  }
  return `<${name}>${scalarText(value)}</${name}>`;
}

export function toXml(doc: Open311Document): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(doc.root, doc.body as Open311Value)}\n`;
}

export function toJson(doc: Open311Document): string {
  return JSON.stringify(doc.body);
}

export function render(doc: Open311Document, format: Open311Format): string {
  return format === 'json' ? toJson(doc) : toXml(doc);
}

/** `<errors><error><code/><description/></error></errors>`, the body of every Open311 failure. */
export function errorsDocument(status: number, description: string): Open311Document {
  return { root: 'errors', body: [{ code: status, description }] };
}
