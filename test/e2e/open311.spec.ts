import { request as httpRequest } from 'http';
import { Readable } from 'stream';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startPlatform, TestPlatform } from '../support/platform';

const BASE = '/open311/v2/';

/** Checks an XML document is well formed the way Open311 clients need it: declaration, one root, balanced plain elements. */
function assertWellFormedXml(xml: string): void {
  expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
  const body = xml.replace(/^<\?xml[^?]*\?>/, '').trim();
  const stack: string[] = [];
  let roots = 0;
  const token = /<(\/?)([A-Za-z_][\w.-]*)>|([^<]+)|(<)/g;
  for (let m = token.exec(body); m; m = token.exec(body)) {
    if (m[4]) throw new Error(`stray or attributed tag at ${m.index}: ${body.slice(m.index, m.index + 40)}`);
    if (m[3] !== undefined) {
      if (stack.length === 0 && m[3].trim()) throw new Error(`text outside the root: ${m[3]}`);
      if (/>/.test(m[3])) throw new Error(`unescaped > in text: ${m[3]}`);
      if (/&(?!(?:amp|lt|gt|quot|apos|#\d+);)/.test(m[3])) throw new Error(`unescaped & in text: ${m[3]}`);
      continue;
    }
    if (m[1]) {
      const open = stack.pop();
      if (open !== m[2]) throw new Error(`</${m[2]}> closes <${open}>`);
    } else {
      if (stack.length === 0) roots++;
      stack.push(m[2]);
    }
  }
  expect(stack).toEqual([]);
  expect(roots).toBe(1);
}

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
/** The contents of every <tag>…</tag> (non-nested tags only). */
const blocks = (xml: string, tag: string) => [...xml.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1]);
const field = (xml: string, tag: string) => {
  const m = new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml);
  return m ? decode(m[1]) : undefined;
};

describe('Open311 GeoReport v2', () => {
  let p: TestPlatform;
  let db: DataSource;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    p = await startPlatform(['intake']);
    db = p.apps.intake!.get(DataSource);
    http = request(p.urls.intake!);
  });
  afterAll(() => p?.close());

  /** Inquiries stored, and events ever written to the outbox (the relay deletes rows once published, so count its sequence). */
  const count = async () => {
    const [{ inquiries }] = await db.query('SELECT count(*)::int AS inquiries FROM intake.inquiries');
    const [{ outbox }] = await db.query(`SELECT CASE WHEN is_called THEN last_value ELSE 0 END::int AS outbox FROM intake.outbox_seq_seq`);
    return { inquiries, outbox };
  };
  /** A POST body the way FixMyStreet's HTTP::Request::Common builds it: repeated keys, brackets percent-encoded. */
  const fmsForm = (fields: Array<[string, string]>) => new URLSearchParams(fields).toString();
  const post = (path: string, body: string, type = 'application/x-www-form-urlencoded') =>
    http.post(`${BASE}${path}`).set('content-type', type).send(body);
  const fmsFields = (extra: Array<[string, string]> = []): Array<[string, string]> => [
    ['api_key', p.keys.web], ['jurisdiction_id', 'demo.lotsen.se'], ['service_code', 'street_lighting'],
    ['description', 'Trasig gatlampa\n\nLampan vid Storgatan 12 är släckt sedan i måndags.\n\nurl: https://fms.example/report/1\n'],
    ['first_name', 'Anna'], ['last_name', 'Svensson'], ['email', 'anna.svensson@example.se'], ['lat', '59.3293'], ['long', '18.0686'],
    ['media_url', 'https://fms.example/photo/1.jpeg'], ['media_url', 'https://fms.example/photo/2.jpeg'],
    ['attribute[location_detail]', 'vid busshållplatsen'], ['attribute[location_detail]', 'norra sidan'],
    ['attribute[fixmystreet_id]', '4711'], ['attribute[uprn]', ''], ['attribute[easting][]', ''], ['deviceid', 'abc-123'],
    ['account_id', ''], ['phone', ''], ['address_id', ''], ...extra,
  ];

  describe('service list and definitions', () => {
    it('serves services.xml with the required content type, declaration and plain-text elements', async () => {
      const res = await http.get(`${BASE}services.xml`).expect(200);
      expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
      assertWellFormedXml(res.text);
      const services = blocks(res.text, 'service');
      expect(services.length).toBeGreaterThan(40);
      const lighting = services.find((s) => field(s, 'service_code') === 'street_lighting')!;
      expect(field(lighting, 'service_name')).toBe('Gatubelysning');
      expect(field(lighting, 'metadata')).toBe('true');
      expect(field(lighting, 'type')).toBe('realtime');
      expect(field(lighting, 'group')).toBe('Gator och trafik');
      expect(field(lighting, 'description')).toMatch(/gatlampa/);
      const info = services.find((s) => field(s, 'service_code') === 'opening_hours_contact')!;
      expect(field(info, 'metadata')).toBe('false');
      for (const s of services) {
        expect(field(s, 'service_code')).toMatch(/^[a-z0-9_]+$/);
        expect(field(s, 'keywords')).not.toMatch(/, /);
      }
    });

    it('answers the same with jurisdiction_id (domain or id), a trailing slash, extra api_key and a stray x-api-key', async () => {
      const plain = (await http.get(`${BASE}services.xml`).expect(200)).text;
      for (const url of [`${BASE}services.xml?jurisdiction_id=demo.lotsen.se`, `${BASE}services.xml?jurisdiction_id=demo&api_key=`, `${BASE}services.xml/`, `${BASE}services.xml?jurisdiction_id=&locale=`]) {
        const res = await http.get(url).set('x-api-key', 'not-a-key').expect(200);
        expect([url, res.text]).toEqual([url, plain]);
      }
    });

    it('serves services.json as a top-level array with string codes and boolean metadata, in the asked language', async () => {
      const res = await http.get(`${BASE}services.json?locale=en`).expect(200);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(Array.isArray(res.body)).toBe(true);
      const lighting = res.body.find((s: { service_code: string }) => s.service_code === 'street_lighting');
      expect(lighting).toEqual({
        service_code: 'street_lighting', service_name: 'Street lighting', description: expect.stringMatching(/street lights/),
        metadata: true, type: 'realtime', keywords: expect.any(String), group: 'Gator och trafik',
      });
      expect(res.body.every((s: { metadata: unknown }) => typeof s.metadata === 'boolean')).toBe(true);
    });

    it('serves a service definition with its attributes, and an empty one for services without metadata', async () => {
      const res = await http.get(`${BASE}services/street_lighting.xml`).expect(200);
      assertWellFormedXml(res.text);
      expect(res.text).toMatch(/^<\?xml[^>]*>\n<service_definition><service_code>street_lighting<\/service_code><attributes><attribute>/);
      const [attr] = blocks(res.text, 'attribute');
      expect(field(attr, 'code')).toBe('location_detail');
      expect(field(attr, 'datatype')).toBe('string');
      expect(field(attr, 'variable')).toBe('true');
      expect(field(attr, 'required')).toBe('false');
      expect(field(attr, 'order')).toBe('1');
      const json = await http.get(`${BASE}services/opening_hours_contact.json`).expect(200);
      expect(json.body).toEqual({ service_code: 'opening_hours_contact', attributes: [] });
      const en = await http.get(`${BASE}services/street_lighting.json?lang=en`).expect(200);
      expect(en.body.attributes[0]).toMatchObject({ code: 'location_detail', variable: true, required: false, order: 1, description: expect.stringMatching(/^Where exactly/) });
    });

    it('serves discovery in both formats', async () => {
      const xml = await http.get(`${BASE}discovery.xml`).expect(200);
      assertWellFormedXml(xml.text);
      expect(field(xml.text, 'specification')).toBe('http://wiki.open311.org/GeoReport_v2');
      expect(blocks(xml.text, 'format')).toEqual(['text/xml', 'application/json']);
      const json = await http.get(`${BASE}discovery.json`).expect(200);
      expect(json.body.endpoints[0]).toMatchObject({ url: expect.stringMatching(/\/open311\/v2\/$/), type: 'production', formats: ['text/xml', 'application/json'] });
    });
  });

  describe('posting requests', () => {
    it('accepts a report exactly as FixMyStreet sends it and stores it as a web inquiry', async () => {
      const longText = 'Lampan blinkar. '.repeat(400); // 6400 characters: cut, not refused
      const body = fmsForm(fmsFields().map(([k, v]) => [k, k === 'description' ? longText : v] as [string, string]));
      expect(body).toContain('attribute%5Blocation_detail%5D=vid+bussh');
      const before = await count();
      const res = await post('requests.xml', body).expect(200);
      expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
      assertWellFormedXml(res.text);
      const [request1] = blocks(res.text, 'request');
      const reference = field(request1, 'service_request_id')!;
      expect(reference).toMatch(/^KC-\d{4}-\d{6}$/);
      expect(field(request1, 'service_notice')).toContain(reference);
      expect(await count()).toEqual({ inquiries: before.inquiries + 1, outbox: before.outbox + 1 });

      const [row] = await db.query('SELECT * FROM intake.inquiries WHERE reference = $1', [reference]);
      expect(row).toMatchObject({
        channel: 'web', category: 'street_lighting', type: 'fault_report', lat: 59.3293, lon: 18.0686, sensitive: false,
        citizen: { name: 'Anna Svensson', email: 'anna.svensson@example.se', notify: true },
        location: { lat: 59.3293, lon: 18.0686 },
        attachments: [{ url: 'https://fms.example/photo/1.jpeg' }, { url: 'https://fms.example/photo/2.jpeg' }],
        open311: { attributes: { location_detail: ['vid busshållplatsen', 'norra sidan'], fixmystreet_id: ['4711'] } },
      });
      expect(Array.from(row.body as string)).toHaveLength(4000);
    });

    it('takes jurisdiction_id from the query string, the key from x-api-key, JSON format, and an empty description', async () => {
      const body = fmsForm([['service_code', 'pothole_road_damage'], ['address_string', 'Storgatan 1, Demo'], ['description', ''], ['email', '']]);
      const res = await http.post(`${BASE}requests.json?jurisdiction_id=demo.lotsen.se`).set('x-api-key', p.keys.web)
        .set('content-type', 'application/x-www-form-urlencoded; charset=utf-8').send(body).expect(200);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(res.body).toEqual([{ service_request_id: expect.stringMatching(/^KC-\d{4}-\d{6}$/), service_notice: expect.any(String) }]);
      const [row] = await db.query('SELECT * FROM intake.inquiries WHERE reference = $1', [res.body[0].service_request_id]);
      expect(row).toMatchObject({ body: 'Potthål och skador på gata', citizen: null, location: { address: 'Storgatan 1, Demo' }, lat: null, channel: 'web' });
    });

    it('uses the channel of a channel key and web for a staff key', async () => {
      const viaEmailKey = await post('requests.json', fmsForm([['api_key', p.keys.email], ['service_code', 'street_lighting'], ['address_id', 'A-17']])).expect(200);
      const viaAgentKey = await post('requests.json', fmsForm([['api_key', p.keys.agent], ['service_code', 'street_lighting'], ['lat', '59'], ['long', '18']])).expect(200);
      const rows = await db.query('SELECT reference, channel, open311, location FROM intake.inquiries WHERE reference = ANY($1) ORDER BY reference',
        [[viaEmailKey.body[0].service_request_id, viaAgentKey.body[0].service_request_id]]);
      expect(rows).toEqual([
        { reference: viaEmailKey.body[0].service_request_id, channel: 'email', open311: { attributes: {}, addressId: 'A-17' }, location: null },
        { reference: viaAgentKey.body[0].service_request_id, channel: 'web', open311: { attributes: {} }, location: { lat: 59, lon: 18 } },
      ]);
    });

    it('accepts multipart/form-data with photo files, keeping their names and sizes', async () => {
      const res = await http.post(`${BASE}requests.xml?jurisdiction_id=demo`)
        .field('api_key', p.keys.web).field('service_code', 'parks_playgrounds_trees').field('lat', '59.33').field('long', '18.07')
        .field('description', 'Trasig gunga').field('attribute[location_detail]', 'lekplatsen').field('attribute[location_detail]', 'vid sandlådan')
        .attach('photo1', Buffer.alloc(150_000, 1), { filename: 'gunga.jpeg', contentType: 'image/jpeg' })
        .attach('photo2', Buffer.from('png'), { filename: 'b.png', contentType: 'image/png' })
        .expect(200);
      assertWellFormedXml(res.text);
      const [row] = await db.query('SELECT attachments, open311, body FROM intake.inquiries WHERE reference = $1', [field(res.text, 'service_request_id')]);
      expect(row).toEqual({
        body: 'Trasig gunga',
        open311: { attributes: { location_detail: ['lekplatsen', 'vid sandlådan'] } },
        attachments: [
          { field: 'photo1', filename: 'gunga.jpeg', contentType: 'image/jpeg', size: 150_000 },
          { field: 'photo2', filename: 'b.png', contentType: 'image/png', size: 3 },
        ],
      });
    });

    /**
     * Streams 500 fields of 100 KB (50 MB) as multipart to requests.xml and answers the status and how
     * much of the body had left the client when the answer came.
     */
    const floodMultipart = (fields: Array<[string, string]>, headers: Record<string, string> = {}) => new Promise<{ status: number; text: string; sentBytes: number; totalBytes: number }>((resolve, reject) => {
      const boundary = 'FmsFlood4711';
      const chunk = 'x'.repeat(100_000);
      const head = fields.map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('');
      const part = (i: number) => `--${boundary}\r\nContent-Disposition: form-data; name="attribute[f${i}]"\r\n\r\n${chunk}\r\n`;
      const totalBytes = 500 * Buffer.byteLength(part(100)) + Buffer.byteLength(head);
      let sentBytes = 0;
      let i = 0;
      const body = new Readable({
        read() {
          if (i === 0 && head) { sentBytes += Buffer.byteLength(head); this.push(head); }
          if (i === 500) { this.push(`--${boundary}--\r\n`); this.push(null); return; }
          const piece = part(i++);
          sentBytes += Buffer.byteLength(piece);
          this.push(piece);
        },
      });
      const url = new URL(`${p.urls.intake}${BASE}requests.xml`);
      const req = httpRequest({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, ...headers } }, (res) => {
        const atAnswer = sentBytes;
        let text = '';
        body.unpipe(req);
        body.destroy();
        res.setEncoding('utf8').on('data', (d) => { text += d; }).on('end', () => {
          req.destroy();
          resolve({ status: res.statusCode!, text, sentBytes: atAnswer, totalBytes });
        });
      });
      req.on('error', (err) => { if (!/ECONNRESET|EPIPE|socket hang up/.test(String(err))) reject(err); });
      body.pipe(req);
    });

    it('refuses a 50 MB multipart body without a valid api_key before holding it (403 or 413), storing nothing', async () => {
      const before = await count();
      const cases: Array<[string, Array<[string, string]>, Record<string, string>, number]> = [
        ['no key at all', [['service_code', 'street_lighting']], {}, 413],
        ['a wrong key in the body', [['api_key', 'lk_wrong'], ['service_code', 'street_lighting']], {}, 403],
        ['a wrong key in the header only', [['service_code', 'street_lighting']], { 'x-api-key': 'lk_wrong' }, 413],
      ];
      for (const [what, fields, headers, status] of cases) {
        const res = await floodMultipart(fields, headers);
        expect([what, res.status]).toEqual([what, status]);
        assertWellFormedXml(res.text);
        // Answered long before the client could send it all: the server stopped reading.
        expect([what, res.sentBytes < res.totalBytes / 4]).toEqual([what, true]);
      }
      expect(await count()).toEqual(before);
    });

    it('leaves the JSON API as it was: multipart there is still 415 problem+json', async () => {
      const res = await http.post('/v1/inquiries').set('x-api-key', p.keys.web).field('channel', 'web').field('body', 'x').expect(415);
      expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
      expect(res.body).toMatchObject({ status: 415, type: 'https://lotsen.dev/problems/unsupported-media-type' });
      // registration is shared now; the JSON API's own rules still hold
      const body = { channel: 'web', body: 'Hur ansöker jag om bygglov?' };
      const first = await http.post('/v1/inquiries').set('x-api-key', p.keys.web).set('idempotency-key', 'open311-e2e').send(body).expect(202);
      const again = await http.post('/v1/inquiries').set('x-api-key', p.keys.web).set('idempotency-key', 'open311-e2e').send(body).expect(202);
      expect(again.body).toEqual(first.body);
      await http.post('/v1/inquiries').set('x-api-key', p.keys.web).set('idempotency-key', 'open311-e2e').send({ ...body, body: 'annat' }).expect(422);
      await http.post('/v1/inquiries').set('x-api-key', p.keys.web).send({ ...body, channel: 'email' }).expect(403);
      await http.post('/v1/inquiries').set('x-api-key', p.keys.web).send({ ...body, category: 'no_such' }).expect(422);
      await http.post('/v1/inquiries').set('x-api-key', p.keys.web).send({ ...body, location: { lat: 59 } }).expect(400);
      const docs = await http.get('/docs/openapi.json').expect(200);
      expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/open311/v2/requests.{format}', '/v1/inquiries']));
    });

    it('refuses bad posts with the right status and an <errors> body, storing nothing', async () => {
      const before = await count();
      const without = (...names: string[]) => fmsFields().filter(([k]) => !names.includes(k));
      const cases: Array<[string, string, number, RegExp, string?]> = [
        ['no api_key', fmsForm(without('api_key')), 403, /api_key/],
        ['unknown api_key', fmsForm([...without('api_key'), ['api_key', 'lk_nope']]), 403, /api_key/],
        ['no service_code', fmsForm(without('service_code')), 400, /service_code/],
        ['unknown service_code', fmsForm([...without('service_code'), ['service_code', 'no_such_service']]), 404, /service_code/],
        ['no location', fmsForm(without('lat', 'long')), 400, /location/],
        ['lat without long', fmsForm(without('long')), 400, /lat and long/],
        ['lat not a number', fmsForm([...without('lat'), ['lat', '59,33']]), 400, /lat/],
        ['lat out of range', fmsForm([...without('lat'), ['lat', '91']]), 400, /lat/],
        ['bad email', fmsForm([...without('email'), ['email', 'anna@']]), 400, /email/],
        ['bad phone', fmsForm([...fmsFields(), ['phone', 'call me maybe']]), 400, /phone/],
        ['unknown jurisdiction', fmsForm([...without('jurisdiction_id'), ['jurisdiction_id', 'elsewhere.example']]), 404, /jurisdiction_id/],
        ['empty body', '', 403, /api_key/],
        ['garbage body', '%%%&&&===', 403, /api_key/],
        ['unknown format', fmsForm(fmsFields()), 404, /format/, 'requests.html'],
        ['no format', fmsForm(fmsFields()), 404, /./, 'requests'],
        ['attribute[__proto__]', fmsForm([...fmsFields(), ['attribute[__proto__]', 'x']]), 400, /attribute\[__proto__\]/],
        ['attribute[constructor]', fmsForm([...fmsFields(), ['attribute[constructor]', 'x']]), 400, /attribute\[constructor\]/],
        ['attribute[prototype][]', fmsForm([...fmsFields(), ['attribute[prototype][]', 'x']]), 400, /attribute\[prototype\]/],
      ];
      for (const [what, body, status, message, path] of cases) {
        const res = await post(path ?? 'requests.xml', body);
        expect([what, res.status, res.headers['content-type']]).toEqual([what, status, 'text/xml; charset=utf-8']);
        assertWellFormedXml(res.text);
        expect([what, field(res.text, 'code')]).toEqual([what, String(status)]);
        expect([what, field(res.text, 'description')]).toEqual([what, expect.stringMatching(message)]);
      }
      const bodies: Array<[string, string, string, number]> = [
        // cut off after its first field: read as far as it goes (an unknown key here)
        ['truncated multipart', 'multipart/form-data; boundary=XyZ', '--XyZ\r\nContent-Disposition: form-data; name="api_key"\r\n\r\nabc', 403],
        ['multipart without boundary', 'multipart/form-data', 'abc', 400],
        ['broken JSON', 'application/json', '{"api_key":', 400],
        ['unsupported type', 'text/csv', 'a,b', 415],
        ['too large', 'application/x-www-form-urlencoded', `description=${'x'.repeat(70_000)}`, 413],
      ];
      for (const [what, type, body, status] of bodies) {
        const res = await post('requests.xml', body, type);
        expect([what, res.status, res.headers['content-type']]).toEqual([what, status, 'text/xml; charset=utf-8']);
        assertWellFormedXml(res.text);
      }
      const json = await post('requests.json', fmsForm(without('api_key'))).expect(403);
      expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(json.body).toEqual([{ code: 403, description: 'api_key is missing or invalid' }]);
      const multipart = await http.post(`${BASE}requests.xml`).field('service_code', 'street_lighting').attach('photo1', Buffer.from('x'), 'x.jpg').expect(403);
      assertWellFormedXml(multipart.text);
      const protoMultipart = await http.post(`${BASE}requests.xml`).field('api_key', p.keys.web).field('service_code', 'street_lighting')
        .field('lat', '59.3').field('long', '18.0').field('attribute[__proto__]', 'x').expect(400);
      assertWellFormedXml(protoMultipart.text);
      expect(await count()).toEqual(before);
    });
  });

  describe('reading requests', () => {
    let fms: string;
    let other: string;
    let sensitive: string;
    let emailed: string;
    let emailedFault: string;

    beforeAll(async () => {
      const a = await post('requests.xml', fmsForm(fmsFields())).expect(200);
      fms = field(a.text, 'service_request_id')!;
      const b = await post('requests.xml', fmsForm([['api_key', p.keys.web], ['service_code', 'missed_waste_collection'], ['address_string', 'Kvarngatan 3 & 5 <B>'], ['description', 'Soporna hämtades inte. Ring 070-123 45 67.']])).expect(200);
      other = field(b.text, 'service_request_id')!;
      const c = await http.post('/v1/inquiries').set('x-api-key', p.keys.web)
        .send({ channel: 'web', body: 'Jag heter Eva, personnummer 19121212-1212, och behöver hjälp.', category: 'home_care', location: { address: 'Hemvägen 1', lat: 59.1, lon: 18.1 } }).expect(202);
      sensitive = c.body.reference;
      const d = await http.post('/v1/inquiries').set('x-api-key', p.keys.email)
        .send({ channel: 'email', body: 'Min mamma på Hemvägen 2 behöver hemtjänst.', category: 'home_care', citizen: { email: 'olle@example.se' }, location: { address: 'Hemvägen 2', lat: 59.2, lon: 18.2 } }).expect(202);
      emailed = d.body.reference;
      const e = await http.post('/v1/inquiries').set('x-api-key', p.keys.email)
        .send({ channel: 'email', body: 'Hej, lampan lyser inte. /Olle 070-1112233', category: 'street_lighting', citizen: { email: 'olle@example.se' }, location: { address: 'Parkvägen 4', lat: 59.3, lon: 18.3 } }).expect(202);
      emailedFault = e.body.reference;
    });

    const one = async (id: string) => {
      const res = await http.get(`${BASE}requests/${id}.xml`).expect(200);
      assertWellFormedXml(res.text);
      const list = blocks(res.text, 'request');
      expect(list).toHaveLength(1);
      return list[0];
    };

    it('shows one request with every field FixMyStreet reads, dates in W3C form with offset', async () => {
      const r = await one(fms);
      const W3C = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:Z|[+-]\d{2}:\d{2})$/;
      expect({
        id: field(r, 'service_request_id'), status: field(r, 'status'), code: field(r, 'service_code'), name: field(r, 'service_name'),
        lat: field(r, 'lat'), long: field(r, 'long'), media: field(r, 'media_url'),
      }).toEqual({ id: fms, status: 'open', code: 'street_lighting', name: 'Gatubelysning', lat: '59.3293', long: '18.0686', media: 'https://fms.example/photo/1.jpeg' });
      expect(field(r, 'requested_datetime')).toMatch(W3C);
      expect(field(r, 'updated_datetime')).toMatch(W3C);
      expect(Math.abs(Date.parse(field(r, 'requested_datetime')!) - Date.now())).toBeLessThan(10 * 60_000);
      expect(field(r, 'description')).toContain('Lampan vid Storgatan 12');
      expect(r).not.toMatch(/Anna|Svensson|anna\.svensson|email|first_name|phone/);
      const escaped = await one(other);
      expect(field(escaped, 'address')).toBe('Kvarngatan 3 & 5 <B>');
      expect(field(escaped, 'description')).toBe('Soporna hämtades inte. Ring [phone].');
      expect(escaped).not.toMatch(/<lat>/);
    });

    it('answers JSON with string ids and numeric coordinates', async () => {
      const res = await http.get(`${BASE}requests/${fms}.json?jurisdiction_id=demo.lotsen.se`).expect(200);
      expect(res.body).toEqual([expect.objectContaining({ service_request_id: fms, status: 'open', lat: 59.3293, long: 18.0686, service_code: 'street_lighting' })]);
    });

    it('shows nothing of inquiries that are not public by nature: sensitive ones and other channels in services about people are 404 and absent', async () => {
      for (const ref of [sensitive, emailed]) {
        const xml = await http.get(`${BASE}requests/${ref}.xml`).expect(404);
        assertWellFormedXml(xml.text);
        expect(xml.text).not.toMatch(/Eva|1212|Hemvägen|mamma|olle/);
        await http.get(`${BASE}requests/${ref}.json`).expect(404);
        const [row] = await db.query('SELECT id FROM intake.inquiries WHERE reference = $1', [ref]);
        await http.get(`${BASE}tokens/${row.id}.xml`).expect(404);
      }
      // A fault in a public service reported by e-mail: where and what, not the sender's words.
      const f = await one(emailedFault);
      expect(field(f, 'description')).toBe('Beskrivningen visas inte offentligt.');
      expect({ address: field(f, 'address'), lat: field(f, 'lat') }).toEqual({ address: 'Parkvägen 4', lat: '59.3' });
      expect(f).not.toMatch(/Olle|070|olle@/);
      const all = await http.get(`${BASE}requests.xml`).expect(200);
      const json = await http.get(`${BASE}requests.json`).expect(200);
      const byIds = await http.get(`${BASE}requests.json?service_request_id=${sensitive},${emailed},${fms}`).expect(200);
      expect(byIds.body.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([fms]);
      for (const text of [all.text, JSON.stringify(json.body)]) {
        expect(text).not.toMatch(/olle@|anna\.svensson|Svensson|Eva|19121212|Hemvägen|mamma/);
        expect(text).not.toContain(sensitive);
        expect(text).not.toContain(emailed);
      }
    });

    it('never publishes a child-welfare report (orosanmälan) from the web, with or without a personnummer, nor its answer', async () => {
      const report = 'grannens son Olle Svensson (7) på Storgatan 4 blir slagen.';
      const refs: string[] = [];
      for (const body of [report, `${report} Mitt pnr 121212 - 1212.`, `${report} Mitt pnr 121212–1212.`]) {
        const res = await http.post('/v1/inquiries').set('x-api-key', p.keys.web)
          .send({ channel: 'web', body, category: 'child_welfare_report', citizen: { name: 'Karin Berg', email: 'karin.berg@example.se' }, location: { address: 'Storgatan 4' } }).expect(202);
        refs.push(res.body.reference);
      }
      const sensitiveFlags = await db.query('SELECT reference, sensitive FROM intake.inquiries WHERE reference = ANY($1) ORDER BY reference', [refs]);
      expect(sensitiveFlags.map((r: { sensitive: boolean }) => r.sensitive)).toEqual([false, true, true]);
      // The staff answer goes to the citizen only.
      await db.query(`INSERT INTO intake.status_history (inquiry_id, status, note, occurred_at, event_id)
        SELECT id, 'answered', 'Vi har kontaktat socialjouren om Olle.', now(), gen_random_uuid() FROM intake.inquiries WHERE reference = ANY($1)`, [refs]);
      for (const ref of refs) await http.get(`${BASE}requests/${ref}.xml`).expect(404);
      for (const path of ['requests.xml', 'requests.json', `requests.xml?service_code=child_welfare_report`, `requests.json?service_request_id=${refs.join(',')}`]) {
        const res = await http.get(`${BASE}${path}`).expect(200);
        expect([path, res.text]).toEqual([path, expect.not.stringMatching(/Olle|Storgatan 4|Karin|karin\.berg|1212|socialjouren/)]);
        for (const ref of refs) expect(res.text).not.toContain(ref);
      }
    });

    it('a personnummer in an Open311 attribute answer or an address flags the request sensitive: never shown', async () => {
      const viaAttribute = await post('requests.xml', fmsForm([...fmsFields(), ['attribute[location_detail]', 'vid porten, mitt pnr 19121212.1212']])).expect(200);
      const viaAddress = await post('requests.xml', fmsForm([['api_key', p.keys.web], ['service_code', 'pothole_road_damage'], ['address_string', 'Ågatan 5 (pnr 121212 - 1212)']])).expect(200);
      for (const res of [viaAttribute, viaAddress]) {
        const ref = field(res.text, 'service_request_id')!;
        const [row] = await db.query('SELECT sensitive FROM intake.inquiries WHERE reference = $1', [ref]);
        expect([ref, row.sensitive]).toEqual([ref, true]);
        await http.get(`${BASE}requests/${ref}.xml`).expect(404);
      }
    });

    it('shows a web report in a public service with its (masked) text, and only a neutral status note, never the staff answer', async () => {
      const res = await http.post('/v1/inquiries').set('x-api-key', p.keys.web)
        .send({ channel: 'web', body: 'Stort hål i gatan vid Ågatan 3. Ring mig på 070-765 43 21.', category: 'pothole_road_damage', citizen: { name: 'Per Ek', phone: '+46707654321' }, location: { address: 'Ågatan 3', lat: 59.19, lon: 17.62 } }).expect(202);
      const ref = res.body.reference;
      await db.query(`INSERT INTO intake.status_history (inquiry_id, status, note, occurred_at, event_id)
        SELECT id, 'answered', 'Hej Per! Vi lagar hålet på tisdag, ring 08-123 456 78 om du undrar.', now(), gen_random_uuid() FROM intake.inquiries WHERE reference = $1`, [ref]);
      await db.query(`UPDATE intake.inquiries SET status = 'answered', status_at = now() WHERE reference = $1`, [ref]);
      const r = await one(ref);
      expect({ description: field(r, 'description'), address: field(r, 'address'), notes: field(r, 'status_notes') })
        .toEqual({ description: 'Stort hål i gatan vid Ågatan 3. Ring mig på [phone].', address: 'Ågatan 3', notes: 'Ärendet är besvarat.' });
      expect(r).not.toMatch(/Per Ek|tisdag|08-123|46707654321/);
      const en = await http.get(`${BASE}requests/${ref}.json?locale=en`).expect(200);
      expect(en.body[0].status_notes).toBe('The request has been answered.');
    });

    it('an administrator marks a service public or not, on record; only then do its web reports appear', async () => {
      const res = await http.post('/v1/inquiries').set('x-api-key', p.keys.web)
        .send({ channel: 'web', body: 'Kärlet vid Lindvägen 2 har inte tömts.', category: 'missed_waste_collection', location: { address: 'Lindvägen 2' } }).expect(202);
      const ref = res.body.reference;
      await http.get(`${BASE}requests/${ref}.json`).expect(404);
      for (const [key, status] of [[p.keys.agent, 403], [p.keys.supervisor, 403], [p.keys.web, 403]] as const) {
        await http.put('/v1/service-definitions/missed_waste_collection/public').set('x-api-key', key).send({ public: true }).expect(status);
      }
      await http.put('/v1/service-definitions/missed_waste_collection/public').send({ public: true }).expect(401);
      await http.put('/v1/service-definitions/missed_waste_collection/public').set('x-api-key', p.keys.admin).send({ public: 'yes' }).expect(400);
      await http.put('/v1/service-definitions/no_such_service/public').set('x-api-key', p.keys.admin).send({ public: true }).expect(404);
      const on = await http.put('/v1/service-definitions/missed_waste_collection/public').set('x-api-key', p.keys.admin).send({ public: true }).expect(200);
      expect(on.body).toEqual({ code: 'missed_waste_collection', public: true });
      const [audit] = await db.query(`SELECT public, public_set_by, public_set_at IS NOT NULL AS "at" FROM intake.service_definitions WHERE code = 'missed_waste_collection'`);
      expect(audit).toEqual({ public: true, public_set_by: expect.any(String), at: true });
      const listed = await http.get('/v1/service-definitions').set('x-api-key', p.keys.supervisor).expect(200);
      expect(listed.body.filter((d: { public: boolean }) => d.public).map((d: { code: string }) => d.code).sort())
        .toEqual(['missed_waste_collection', 'parks_playgrounds_trees', 'pothole_road_damage', 'snow_ice_clearing', 'street_lighting', 'water_leak_sewer']);
      expect(field(await one(ref), 'description')).toBe('Kärlet vid Lindvägen 2 har inte tömts.');
      await http.put('/v1/service-definitions/missed_waste_collection/public').set('x-api-key', p.keys.admin).send({ public: false }).expect(200);
      await http.get(`${BASE}requests/${ref}.json`).expect(404);
    });

    it('lists requests by service_request_id (comma list), which overrides every other filter', async () => {
      const res = await http.get(`${BASE}requests.xml?service_request_id=${fms},KC-1999-000001,${other}&status=closed&start_date=2001-01-01T00:00:00Z&service_code=nothing`).expect(200);
      assertWellFormedXml(res.text);
      expect(blocks(res.text, 'request').map((r) => field(r, 'service_request_id')).sort()).toEqual([fms, other].sort());
    });

    it('filters on a date window, service codes and status; 404 for an unknown id', async () => {
      const ids = async (query: string) => {
        const res = await http.get(`${BASE}requests.xml?${query}`).expect(200);
        assertWellFormedXml(res.text);
        return blocks(res.text, 'request').map((r) => field(r, 'service_request_id'));
      };
      const now = Date.now();
      const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
      const hour = `start_date=${iso(now - 3600_000)}&end_date=${iso(now + 60_000)}`;
      expect(await ids(hour)).toEqual(expect.arrayContaining([fms, other, emailedFault]));
      expect(await ids(hour)).not.toContain(sensitive);
      expect(await ids(`start_date=${iso(now - 10 * 86400_000)}&end_date=${iso(now - 9 * 86400_000)}`)).toEqual([]);
      const stockholm = encodeURIComponent(new Date(now - 3600_000 + 2 * 3600_000).toISOString().replace(/\.\d{3}Z$/, '+02:00'));
      expect(await ids(`start_date=${stockholm}`)).toEqual(expect.arrayContaining([fms]));
      expect(await ids(`${hour}&service_code=missed_waste_collection,nothing`)).toEqual([other]);

      await db.query(`UPDATE intake.inquiries SET status = 'resolved', status_at = now() WHERE reference = $1`, [other]);
      await db.query(`INSERT INTO intake.status_history (inquiry_id, status, note, occurred_at, event_id)
        SELECT id, 'resolved', 'Tömt <i>i dag</i> & klart', now(), gen_random_uuid() FROM intake.inquiries WHERE reference = $1`, [other]);
      expect(await ids(`${hour}&status=closed`)).toEqual([other]);
      expect(await ids(`${hour}&status=open`)).not.toContain(other);
      expect((await ids(`${hour}&status=open,closed`)).length).toBe((await ids(hour)).length);
      const closed = await one(other);
      expect(field(closed, 'status')).toBe('closed');
      expect(field(closed, 'status_notes')).toBe('Ärendet är avslutat.');
      expect(closed).not.toMatch(/Tömt/);

      const missing = await http.get(`${BASE}requests/KC-1999-000001.xml`).expect(404);
      assertWellFormedXml(missing.text);
      expect(field(missing.text, 'code')).toBe('404');
    });

    it('refuses bad query values with 400 and an <errors> body', async () => {
      for (const q of ['start_date=yesterday', 'end_date=2026-01-01', 'start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z',
        'start_date=2026-02-01T00:00:00Z&end_date=2026-01-01T00:00:00Z', 'status=pending']) {
        const res = await http.get(`${BASE}requests.xml?${q}`);
        expect([q, res.status]).toEqual([q, 400]);
        assertWellFormedXml(res.text);
        expect(field(res.text, 'code')).toBe('400');
      }
      const json = await http.get(`${BASE}requests.json?status=pending`).expect(400);
      expect(json.body).toEqual([{ code: 400, description: expect.stringMatching(/status/) }]);
    });

    it('turns a token (the inquiry id) into the service_request_id, and 404s unknown ones', async () => {
      const [row] = await db.query('SELECT id FROM intake.inquiries WHERE reference = $1', [fms]);
      const res = await http.get(`${BASE}tokens/${row.id}.xml`).expect(200);
      assertWellFormedXml(res.text);
      expect(blocks(res.text, 'request').map((r) => [field(r, 'service_request_id'), field(r, 'token')])).toEqual([[fms, row.id]]);
      await http.get(`${BASE}tokens/00000000-0000-4000-8000-000000000000.xml`).expect(404);
      const bad = await http.get(`${BASE}tokens/not-a-token.json`).expect(404);
      expect(bad.body).toEqual([{ code: 404, description: expect.any(String) }]);
    });

    it('answers unknown paths and format suffixes with 404 errors, never 5xx', async () => {
      for (const path of ['services', 'services.html', 'services.', 'requests/x.y.xml', 'nothing.xml', 'services/..%2F.xml', 'requests/%00.json']) {
        const res = await http.get(`${BASE}${path}`);
        expect([path, res.status]).toEqual([path, 404]);
        if (res.headers['content-type'].startsWith('application/json')) expect(res.body).toEqual([{ code: 404, description: expect.any(String) }]);
        else assertWellFormedXml(res.text);
      }
      // NUL reaches no SQL statement (PostgreSQL would refuse it with an error)
      for (const q of ['service_request_id=KC%00', 'service_code=a%00b', 'jurisdiction_id=demo%00']) {
        const res = await http.get(`${BASE}requests.xml?${q}`);
        expect([q, res.status]).toEqual([q, 200]);
      }
      const nul = await post('requests.xml', fmsForm([...fmsFields(), ['description', 'x\0y']]).replace('description=', 'description=%00')).expect(200);
      const [stored] = await db.query('SELECT body FROM intake.inquiries WHERE reference = $1', [field(nul.text, 'service_request_id')]);
      expect(stored.body).not.toContain('\0');
      // Longer than the router's parameter limit: Fastify's own 414, before any route or hook runs.
      await http.get(`${BASE}requests/${'x'.repeat(600)}.xml`).expect(414);
    });
  });

  describe('several jurisdictions', () => {
    it('needs jurisdiction_id once a second tenant exists: missing 400, unknown 404, a key of another tenant 403', async () => {
      await db.query(`INSERT INTO intake.tenants (id, name, reference_prefix, jurisdiction_id) VALUES ('other', 'Annan kommun', 'AK', 'annan.example')`);
      try {
        const missing = await http.get(`${BASE}services.xml`).expect(400);
        assertWellFormedXml(missing.text);
        expect(field(missing.text, 'description')).toMatch(/jurisdiction_id/);
        await http.get(`${BASE}requests.json`).expect(400);
        await http.get(`${BASE}services.xml?jurisdiction_id=nowhere.example`).expect(404);
        await http.get(`${BASE}services.xml?jurisdiction_id=demo.lotsen.se`).expect(200);
        const before = await count();
        await post('requests.xml', fmsForm(fmsFields().filter(([k]) => k !== 'jurisdiction_id'))).expect(400);
        await post('requests.xml?jurisdiction_id=annan.example', fmsForm(fmsFields().filter(([k]) => k !== 'jurisdiction_id'))).expect(403);
        expect(await count()).toEqual(before);
        await post('requests.xml?jurisdiction_id=demo', fmsForm(fmsFields().filter(([k]) => k !== 'jurisdiction_id'))).expect(200);
      } finally {
        await db.query(`DELETE FROM intake.tenants WHERE id = 'other'`);
      }
    });
  });
});
