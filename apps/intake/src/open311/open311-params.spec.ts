import { Open311Params } from './open311-params';

/** A url-encoded body as the app's parser hands it over: repeated keys become arrays. */
function parse(body: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of new URLSearchParams(body)) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

describe('Open311 parameters', () => {
  const form = (body: string) => Open311Params.from(parse(body));

  it('treats empty values as absent and takes the first non-empty value', () => {
    const p = form('service_code=&service_code=street_lighting&email=&phone=%20');
    expect(p.get('service_code')).toBe('street_lighting');
    expect(p.get('email')).toBeUndefined();
    expect(p.get('phone')).toBeUndefined();
  });

  it('reads the body before the query string (jurisdiction_id may come in either)', () => {
    const p = Open311Params.from({ jurisdiction_id: 'body.se' }, { jurisdiction_id: 'query.se', api_key: 'k' });
    expect(p.get('jurisdiction_id')).toBe('body.se');
    expect(p.get('api_key')).toBe('k');
    expect(Open311Params.from({}, { jurisdiction_id: 'query.se' }).get('jurisdiction_id')).toBe('query.se');
  });

  it('collects repeated keys and comma lists', () => {
    const p = form('media_url=http%3A%2F%2Fa%2F1.jpg&media_url=&media_url=http%3A%2F%2Fa%2F2.jpg&service_request_id=KC-1,%20KC-2,&service_request_id=KC-3');
    expect(p.all('media_url')).toEqual(['http://a/1.jpg', 'http://a/2.jpg']);
    expect(p.list('service_request_id')).toEqual(['KC-1', 'KC-2', 'KC-3']);
  });

  it('merges attribute[x], repeated attribute[x] and attribute[x][] (encoded or not); empty answers dropped', () => {
    const p = form('attribute[multi]=A&attribute%5Bmulti%5D=B&attribute[list][]=1&attribute[list][]=2&attribute[empty][]=&attribute[fixmystreet_id]=42&attribute[]=x&attributes[y]=z');
    expect(p.attributes()).toEqual({ multi: ['A', 'B'], list: ['1', '2'], fixmystreet_id: ['42'] });
  });

  it('ignores values that are not text (multipart files, nested objects) and prototype keys', () => {
    const p = Open311Params.from({ photo1: Buffer.from('x'), nested: { a: 1 }, __proto__: 'x', ok: ['1', 2] } as unknown);
    expect(p.get('photo1')).toBeUndefined();
    expect(p.get('nested')).toBeUndefined();
    expect(p.all('ok')).toEqual(['1']);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('decodes + as a space the way url-encoded forms mean it', () => {
    expect(form('description=Trasig+lampa+%C3%A5%C3%A4%C3%B6').get('description')).toBe('Trasig lampa åäö');
  });

  it('drops NUL characters, which the database could not store', () => {
    const p = form('description=a%00b&jurisdiction_id=%00&attribute[x%00]=1');
    expect(p.get('description')).toBe('ab');
    expect(p.get('jurisdiction_id')).toBeUndefined();
    expect(p.attributes()).toEqual({ x: ['1'] });
  });
});
