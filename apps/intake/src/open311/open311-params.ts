/**
 * Open311 arguments from a query string, a url-encoded or a multipart body. Clients send lists
 * as repeated keys (`media_url=a&media_url=b`, `attribute[x]=A&attribute[x]=B`) or with `[]`
 * (`attribute[x][]=A`); a present but empty argument counts as absent (spec §1.5).
 */
export class Open311Params {
  private readonly fields = new Map<string, string[]>();

  /** Earlier sources win for single values (a POST body before its query string). */
  static from(...sources: Array<unknown>): Open311Params {
    const params = new Open311Params();
    for (const source of sources) params.merge(source);
    return params;
  }

  /** Adds the string values of a parsed query string or form body (non-strings, e.g. files, are skipped). */
  merge(source: unknown): this {
    if (!source || typeof source !== 'object') return this;
    for (const key of Object.keys(source)) {
      const raw = (source as Record<string, unknown>)[key];
      for (const v of Array.isArray(raw) ? raw : [raw]) {
        if (typeof v === 'string') this.add(key, v);
      }
    }
    return this;
  }

  /**
   * NUL can never be stored (PostgreSQL text refuses it), so it is dropped on the way in; an
   * unpaired surrogate (only a JSON body can carry one) becomes U+FFFD, as a form decoder does.
   */
  add(rawName: string, rawValue: string): void {
    const name = storable(rawName);
    const value = storable(rawValue);
    const list = this.fields.get(name);
    if (list) list.push(value);
    else this.fields.set(name, [value]);
  }

  /** The first non-empty value, trimmed. */
  get(name: string): string | undefined {
    for (const v of this.fields.get(name) ?? []) {
      const t = v.trim();
      if (t) return t;
    }
    return undefined;
  }

  /** Every non-empty value of a repeated key. */
  all(name: string): string[] {
    return (this.fields.get(name) ?? []).map((v) => v.trim()).filter(Boolean);
  }

  /** Comma-separated values over every occurrence (`service_code=a,b&service_code=c`). */
  list(name: string): string[] {
    return this.all(name).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  }

  /** `attribute[code]`, `attribute[code][]` and repeated keys, merged per code; empty answers dropped. */
  attributes(): Record<string, string[]> {
    // Codes are client input: `attribute[__proto__]` must be a key like any other, never the prototype.
    const out: Record<string, string[]> = Object.create(null);
    for (const [key, values] of this.fields) {
      const m = /^attribute\[([^\[\]]+)\](?:\[\])?$/.exec(key);
      if (!m) continue;
      const answers = values.map((v) => v.trim()).filter(Boolean);
      if (answers.length === 0) continue;
      (out[m[1]] ??= []).push(...answers);
    }
    return out;
  }
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function storable(text: string): string {
  return text.replace(/\0/g, '').replace(LONE_SURROGATE, '\ufffd');
}
