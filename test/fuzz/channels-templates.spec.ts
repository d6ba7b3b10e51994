import fc from 'fast-check';
import { createConnection } from 'net';
import { Client } from 'pg';
import request from 'supertest';
import { SmtpListener } from '../../apps/intake/src/email/smtp-listener';
import { renderNotification, TemplateSyntaxError, validateTemplate } from '../../apps/notifications/src/templates';
import { startPlatform, TestPlatform } from '../support/platform';
import { FUZZ_RUNS, FUZZ_TIMEOUT_MS } from './fuzz-runs';
import { controlChar, hostileString, loneSurrogate, PROTOTYPE_KEYS } from './hostile-input';

/** One raw SMTP conversation; resolves with the server's reply to the message data. */
function smtpSend(port: number, from: string, to: string, data: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = createConnection(port, '127.0.0.1');
    const steps = [`EHLO fuzz.example\r\n`, `MAIL FROM:<${from}>\r\n`, `RCPT TO:<${to}>\r\n`, `DATA\r\n`, `${data.replace(/\r?\n\./g, '\r\n..')}\r\n.\r\n`, `QUIT\r\n`];
    let buffer = '';
    let step = 0;
    let dataReply = '';
    socket.setTimeout(10000, () => { socket.destroy(); reject(new Error('smtp timeout')); });
    socket.on('data', (chunk) => {
      buffer += chunk.toString('latin1');
      // A complete reply ends with "NNN text\r\n" (no dash after the code).
      while (/^\d{3} .*\r\n/m.test(buffer)) {
        const line = /^(\d{3}) .*\r\n/m.exec(buffer)!;
        buffer = buffer.slice(line.index + line[0].length);
        if (step === 5) dataReply = line[0].trim();
        if (step === 3 && !line[1].startsWith('2')) { dataReply = line[0].trim(); socket.end(); return; }
        if (step === 4 && !line[1].startsWith('3')) { dataReply = line[0].trim(); socket.end(); return; }
        if (step < steps.length) socket.write(steps[step++]);
      }
    });
    socket.on('close', () => resolve(dataReply));
    socket.on('error', reject);
  });
}

describe('fuzzing Open311 form posts, the SMTP listener and the template renderer', () => {
  let p: TestPlatform;
  let db: Client;
  let smtpPort: number;
  beforeAll(async () => {
    p = await startPlatform(['intake'], { OUTBOX_RELAY: 'false' });
    smtpPort = p.apps.intake!.get(SmtpListener).port;
    db = new Client({ connectionString: p.env.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await p?.close();
  });
  const stored = async () => (await db.query(`SELECT (SELECT count(*) FROM intake.inquiries)::int + (SELECT count(*) FROM intake.outbox)::int AS n`)).rows[0].n as number;

  it('Open311 POST requests: any form fields answer 200 or a 4xx <errors>, and a refusal stores nothing', async () => {
    const field = fc.oneof(fc.string({ maxLength: 60 }), hostileString(), fc.constantFrom('', 'street_lighting', '59.2', '-200', 'NaN', 'demo.lotsen.se', 'x'.repeat(5000)));
    const key = fc.oneof(
      fc.constantFrom('api_key', 'jurisdiction_id', 'service_code', 'lat', 'long', 'address_string', 'address_id', 'description', 'email', 'first_name', 'media_url', 'attribute[x]', 'attribute[x][]', 'attribute[', 'device_id', 'phone'),
      fc.constantFrom(...PROTOTYPE_KEYS).chain((k) => fc.constantFrom(k, `attribute[${k}]`, `attribute[${k}][]`, `${k}[x]`)),
      fc.string({ maxLength: 4, unit: fc.oneof(controlChar, loneSurrogate) }).map((s) => `attribute[${s}]`),
    );
    // A report FixMyStreet could send, plus hostile extras: these get past the checks up front.
    const validButHostile = fc.array(fc.tuple(key, field), { maxLength: 4 }).map((extra): Array<[string, string]> => [
      ['service_code', 'street_lighting'], ['lat', '59.2'], ['long', '17.6'], ['description', 'Lampan är släckt'], ...extra,
    ]);
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.array(fc.tuple(key, field), { maxLength: 12 }), validButHostile), fc.boolean(), fc.constantFrom('xml', 'json', 'html', ''), fc.constantFrom('form', 'json', 'multipart'), async (pairs, withKey, format, encoding) => {
        const form = new URLSearchParams(pairs);
        if (withKey) form.append('api_key', p.keys.web);
        const before = await stored();
        const url = `/open311/v2/requests${format ? `.${format}` : ''}`;
        let req = request(p.urls.intake!).post(url);
        if (encoding === 'form') req = req.type('form').send(form.toString());
        // JSON can carry what a form cannot: lone surrogates as escapes, own prototype keys.
        else if (encoding === 'json') req = req.set('content-type', 'application/json').send(JSON.stringify(Object.fromEntries(form)));
        else for (const [k, v] of form) req = req.field(k, v);
        const res = await req;
        expect(res.status).toBeLessThan(500);
        if (res.status !== 200) expect(await stored()).toBe(before);
      }),
      { numRuns: FUZZ_RUNS },
    );
  }, FUZZ_TIMEOUT_MS);

  it('SMTP listener: arbitrary MIME is answered 2xx/4xx/5xx by protocol, never crashes the service', async () => {
    const header = fc.tuple(fc.constantFrom('Subject', 'Content-Type', 'Content-Transfer-Encoding', 'Message-ID', 'In-Reply-To', 'Auto-Submitted', 'From', 'X-Junk'), fc.string({ maxLength: 200 }));
    await fc.assert(
      fc.asyncProperty(fc.array(header, { maxLength: 8 }), fc.string({ maxLength: 2000 }), fc.constantFrom('multipart/mixed; boundary=b', 'text/html; charset=iso-8859-1', 'text/plain; charset=utf-8', 'message/rfc822'), async (headers, body, type) => {
        const data = [`From: medborgare@example.se`, `To: kontakt@demo.lotsen.se`, `Content-Type: ${type}`, ...headers.map(([k, v]) => `${k}: ${v.replace(/[\r\n]/g, ' ')}`), '', body].join('\r\n');
        const reply = await smtpSend(smtpPort, 'medborgare@example.se', 'kontakt@demo.lotsen.se', data);
        expect(reply).toMatch(/^[245]\d\d /);
      }),
      { numRuns: Math.max(20, Math.floor(FUZZ_RUNS / 2)) },
    );
    await request(p.urls.intake!).get('/health/live').expect(200);
  }, FUZZ_TIMEOUT_MS);

  it('template renderer: any tenant template is either refused with a TemplateSyntaxError or renders; values are always escaped', () => {
    const piece = fc.oneof(fc.string({ maxLength: 30 }), hostileString(20), fc.constantFrom('{{reference}}', '{{#if answer}}', '{{/if}}', '{{{answer}}}', '{{', '}}', '{{> partial}}', '{{#each x}}', '{{citizenName}}', '{{constructor}}', '{{lookup this "x"}}',
      '{{__proto__}}', '{{prototype}}', '{{constructor.constructor}}', '{{this.__proto__.polluted}}', '{{lookup this "__proto__"}}', `${'{{#if answer}}'.repeat(40)}x${'{{/if}}'.repeat(40)}`));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.oneof(fc.string({ maxLength: 60 }), hostileString()), (pieces, value) => {
        const html = `<p>${pieces.join('')}</p>`;
        const template = { subject: 'Ärende {{reference}}', text: pieces.join(''), html };
        try {
          validateTemplate(template);
        } catch (err) {
          expect(err).toBeInstanceOf(TemplateSyntaxError);
          return;
        }
        const out = renderNotification({
          trigger: 'answer', language: 'sv', overrides: { 'answer.sv': template },
          values: { tenantName: 'Demo kommun', reference: 'KC-2026-000001', answer: `<script>${value}</script>`, citizenName: value },
        });
        expect(out.html).not.toContain('<script>');
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: FUZZ_RUNS * 5 },
    );
  });
});
