// What an anonymous client can read: one inquiry of every category of the demo catalogue comes in
// through the channels citizens use (the web API, the e-tjänst form with its CSRF token, Open311
// as FixMyStreet sends it, a real SMTP conversation with intake's listener, a phone call
// registered by the phone integration), staff answer and close them, and then everything that
// needs no key is read: Open311 lists (.json and .xml), items and tokens, the citizen API and
// pages without a token or with a wrong one, notifications' opt-out and survey endpoints with
// garbage tokens, health, metrics and the API docs. No citizen text, name, address, contact
// detail or staff answer of an inquiry that is not public by nature may appear; contact details
// and staff answers of none at all.
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import nodemailer from 'nodemailer';
import { Client } from 'pg';
import request from 'supertest';
import { EventTypes } from '@lotsen/contracts';
import { categories } from '@lotsen/demo-municipality';
import { waitFor } from '@lotsen/testing';
import { SmtpListener } from '../../apps/intake/src/email/smtp-listener';
import { event, publishEvents } from '../support/broker';
import { startPlatform, TestPlatform } from '../support/platform';

type Channel = 'web' | 'form' | 'open311' | 'email' | 'phone';
const CHANNELS: Channel[] = ['web', 'form', 'open311', 'email', 'phone'];

interface Registered {
  i: number;
  code: string;
  channel: Channel;
  sensitive: boolean;
  /** Public by nature: came in through Open311 or a public service, and is not sensitive. */
  public: boolean;
  reference: string;
  /** Words only this inquiry's text, address, contact data and staff answer contain. */
  text: string;
  address: string;
  contact: string[];
  answer: string;
}

/** A valid personnummer written as citizens write it (the test number, check digit right). */
const PNR_FORMS = ['121212 - 1212', '121212–1212', '19121212.1212', '1212121212'];

describe('privacy: nothing an anonymous client can reach shows what is not public', () => {
  let p: TestPlatform;
  let db: Client;
  let smtpPort: number;
  const registered: Registered[] = [];

  beforeAll(async () => {
    const mailDir = mkdtempSync(join(tmpdir(), 'lotsen-privacy-mail-'));
    p = await startPlatform(['intake', 'notifications'], {
      INTAKE_SMTP_PORT: '0', NOTIFICATIONS_SMTP_URL: `file://${mailDir}`,
      // Every inquiry comes from this one test client: the flood limits are tested in abuse-limits.spec.ts.
      SUBMISSIONS_PER_CLIENT_PER_HOUR: '1000', OPEN311_SUBMISSIONS_PER_CLIENT_PER_HOUR: '1000',
    });
    smtpPort = p.apps.intake!.get(SmtpListener).port;
    db = new Client({ connectionString: p.env.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await p?.close();
  });

  const intake = () => request(p.urls.intake!);
  const notifications = () => request(p.urls.notifications!);

  async function register(i: number): Promise<Registered> {
    const cat = categories[i];
    const channel = CHANNELS[i % CHANNELS.length];
    // Every fourth one carries a personnummer, in public services and through Open311 too.
    const sensitive = i % 4 === 1;
    const text = `mrk${i}q`;
    const body = `Ärende ${text} om ${cat.code}: grannen Olle${text} har det svårt.${sensitive ? ` Mitt pnr ${PNR_FORMS[(i >> 2) % PNR_FORMS.length]}.` : ''}`;
    const address = `Hemgatan adr${i}w`;
    // Letters only: a name with digits is refused at the edge.
    const tag = String.fromCharCode(97 + Math.floor(i / 26), 97 + (i % 26));
    const name = `Medborgare${tag}x Efternamn${tag}x`;
    const email = `medborgare${i}x@example.se`;
    const phone = `+46701${String(100000 + i)}`;
    const lat = Number((59.19 + i / 1000).toFixed(4));
    const lon = Number((17.62 + i / 1000).toFixed(4));
    let reference: string;
    if (channel === 'web' || channel === 'phone') {
      const res = await intake().post('/v1/inquiries').set('x-api-key', channel === 'web' ? p.keys.web : p.keys.phone).send({
        channel, body, category: cat.code, citizen: { name, email, phone, notify: true }, location: { address, lat, lon },
      });
      expect([channel, cat.code, res.status]).toEqual([channel, cat.code, 202]);
      reference = res.body.reference;
    } else if (channel === 'form') {
      const page = await intake().get('/e-tjanst?lang=sv').expect(200);
      const cookie = String(page.headers['set-cookie']).split(';')[0];
      const csrf = /name="csrf" value="([^"]+)"/.exec(page.text)![1];
      const res = await intake().post('/e-tjanst').set('cookie', cookie).type('form').send({
        csrf, lang: 'sv', category: cat.code, body, address, lat: String(lat), lon: String(lon), name, email, phone, notify: 'yes',
      });
      expect([channel, cat.code, res.status]).toEqual([channel, cat.code, 200]);
      reference = /id="reference">([^<]+)</.exec(res.text)![1];
    } else if (channel === 'open311') {
      const [first, last] = name.split(' ');
      const form = new URLSearchParams([
        ['api_key', p.keys.web], ['jurisdiction_id', 'demo.lotsen.se'], ['service_code', cat.code],
        ['description', `${body}\n\nurl: https://fms.example/report/${i}\n`], ['first_name', first], ['last_name', last], ['email', email],
        ['lat', String(lat)], ['long', String(lon)], ['media_url', `https://fms.example/photo/${i}.jpeg`], ['attribute[fixmystreet_id]', String(4700 + i)],
      ]).toString();
      const res = await intake().post('/open311/v2/requests.xml').set('content-type', 'application/x-www-form-urlencoded').send(form);
      expect([channel, cat.code, res.status]).toEqual([channel, cat.code, 200]);
      reference = /<service_request_id>([^<]+)</.exec(res.text)![1];
    } else {
      const transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true, allowInternalNetworkInterfaces: true } as never);
      try {
        const info = await transport.sendMail({ from: `${name} <${email}>`, to: 'kontakt@demo.lotsen.se', subject: `Fråga ${text}`, text: `${body}\n\nJag bor på ${address}.\nRing ${phone}.\n/${name}` });
        expect([channel, cat.code, info.response]).toEqual([channel, cat.code, expect.stringMatching(/^250 .*KC-\d{4}-\d{6}/)]);
        reference = /(KC-\d{4}-\d{6})/.exec(info.response)![1];
      } finally {
        transport.close();
      }
    }
    // E-mail carries no category of the citizen's choosing: never public.
    const viaPublicService = channel !== 'email' && cat.public === true;
    return {
      i, code: cat.code, channel, sensitive, public: !sensitive && (channel === 'open311' || viaPublicService), reference,
      text, address, contact: [name.split(' ')[0], name.split(' ')[1], email, phone, phone.slice(3)], answer: `svar${i}z`,
    };
  }

  it('registers one inquiry of every category through every channel', async () => {
    const queue = categories.map((_c, i) => i);
    const workers = Array.from({ length: 4 }, async () => {
      for (let i = queue.shift(); i !== undefined; i = queue.shift()) registered.push(await register(i));
    });
    await Promise.all(workers);
    registered.sort((a, b) => a.i - b.i);
    expect(registered).toHaveLength(categories.length);
    for (const c of CHANNELS) expect([c, registered.some((r) => r.channel === c && !r.public)]).toEqual([c, true]);
    expect(registered.filter((r) => r.public).length).toBeGreaterThan(3);
    // The sensitive ones were recognised as such.
    const { rows } = await db.query('SELECT reference, sensitive FROM intake.inquiries WHERE reference = ANY($1)', [registered.map((r) => r.reference)]);
    const flagged = new Map(rows.map((r: { reference: string; sensitive: boolean }) => [r.reference, r.sensitive]));
    for (const r of registered) expect([r.reference, flagged.get(r.reference)]).toEqual([r.reference, r.sensitive]);
  });

  it('a child-welfare report (orosanmälan) through the e-tjänst form is registered sensitive', async () => {
    const page = await intake().get('/e-tjanst?lang=sv').expect(200);
    const cookie = String(page.headers['set-cookie']).split(';')[0];
    const csrf = /name="csrf" value="([^"]+)"/.exec(page.text)![1];
    const res = await intake().post('/e-tjanst').set('cookie', cookie).type('form').send({
      csrf, lang: 'sv', category: 'child_welfare_report', body: 'grannens son Olle Svensson (7) på Storgatan 4 blir slagen. Mitt pnr 121212 - 1212.',
      name: 'Karin Berg', email: 'karin.berg@example.se',
    }).expect(200);
    const reference = /id="reference">([^<]+)</.exec(res.text)![1];
    const { rows } = await db.query('SELECT sensitive FROM intake.inquiries WHERE reference = $1', [reference]);
    expect(rows).toEqual([{ sensitive: true }]);
    registered.push({
      i: 999, code: 'child_welfare_report', channel: 'form', sensitive: true, public: false, reference,
      text: 'Olle Svensson', address: 'Storgatan 4', contact: ['Karin Berg', 'karin.berg@example.se'], answer: 'svar999z',
    });
  });

  it('staff answer every inquiry and close some (as routing does, over the broker)', async () => {
    const { rows } = await db.query('SELECT id, reference FROM intake.inquiries WHERE reference = ANY($1)', [registered.map((r) => r.reference)]);
    const ids = new Map(rows.map((r: { id: string; reference: string }) => [r.reference, r.id]));
    const events = registered.flatMap((r) => {
      const inquiryId = ids.get(r.reference)!;
      const answered = event(EventTypes.InquiryAnswered, {
        inquiryId, reference: r.reference, answer: `Hej! ${r.answer}: vi har kontaktat din handläggare.`, answeredBy: 'demo-agent', department: 'kontaktcenter', byContactCenter: true,
      });
      const resolved = event(EventTypes.InquiryResolved, {
        inquiryId, department: 'kontaktcenter', resolutionCode: `stängt ${r.answer}`, resolvedAtFirstContact: false, byContactCenter: true,
      }, 'demo', new Date(Date.now() + 1000));
      return r.i % 2 === 0 ? [answered, resolved] : [answered];
    });
    await publishEvents(p.env, events);
    await waitFor('every answer in the thread', async () => {
      const { rows: [{ n }] } = await db.query(`SELECT count(*)::int AS n FROM intake.inquiry_messages WHERE author = 'staff' AND body LIKE 'Hej! svar%'`);
      return n === registered.length;
    }, 30000);
    await waitFor('the closed ones closed', async () => {
      const { rows: [{ n }] } = await db.query(`SELECT count(*)::int AS n FROM intake.inquiries WHERE status = 'resolved'`);
      return n === registered.filter((r) => r.i % 2 === 0).length;
    }, 30000);
  });

  it('no anonymous read shows any of it, except the public requests\' own text and place', async () => {
    const { rows } = await db.query('SELECT id, reference FROM intake.inquiries');
    const refs = rows.map((r: { reference: string }) => r.reference);
    const ids = rows.map((r: { id: string }) => r.id);
    const reads: Array<{ what: string; text: string }> = [];
    const read = async (what: string, req: request.Test) => {
      const res = await req;
      expect([what, res.status < 500]).toEqual([what, true]);
      reads.push({ what, text: `${res.status} ${res.text} ${JSON.stringify(res.headers)}` });
    };
    const garbage = ['garbage', 'demo.x1.sv.y2', 'a'.repeat(64), 'KC-2026-000001', '00000000-0000-4000-8000-000000000000'];

    for (const format of ['xml', 'json']) {
      await read(`requests.${format}`, intake().get(`/open311/v2/requests.${format}`));
      await read(`requests.${format}?jurisdiction_id`, intake().get(`/open311/v2/requests.${format}?jurisdiction_id=demo.lotsen.se&status=open,closed`));
      await read(`requests.${format}?service_request_id=all`, intake().get(`/open311/v2/requests.${format}?service_request_id=${refs.join(',')}`));
      await read(`requests.${format}?start_date`, intake().get(`/open311/v2/requests.${format}?start_date=${new Date(Date.now() - 3600_000).toISOString()}`));
      for (const cat of categories) await read(`requests.${format}?service_code=${cat.code}`, intake().get(`/open311/v2/requests.${format}?service_code=${cat.code}`));
      await read(`services.${format}`, intake().get(`/open311/v2/services.${format}`));
    }
    for (const ref of refs) {
      await read(`requests/${ref}.xml`, intake().get(`/open311/v2/requests/${ref}.xml`));
      await read(`requests/${ref}.json`, intake().get(`/open311/v2/requests/${ref}.json`));
      await read(`GET /v1/inquiries/${ref}`, intake().get(`/v1/inquiries/${ref}`));
      await read(`GET /v1/inquiries/${ref}?token=garbage`, intake().get(`/v1/inquiries/${ref}?token=garbage-token-0123456789`));
      await read(`/arende ${ref}`, intake().get(`/arende?reference=${ref}`));
      await read(`/arende ${ref} wrong token`, intake().get(`/arende?reference=${ref}&token=garbage-token-0123456789`));
    }
    for (const id of ids) {
      await read(`tokens/${id}.xml`, intake().get(`/open311/v2/tokens/${id}.xml`));
      await read(`tokens/${id}.json`, intake().get(`/open311/v2/tokens/${id}.json`));
      await read(`GET /v1/inquiries/${id} without key`, intake().get(`/v1/inquiries/${id}`));
      await read(`attachments of ${id} without key`, intake().get(`/v1/inquiries/${id}/attachments`));
    }
    await read('/e-tjanst', intake().get('/e-tjanst'));
    await read('/arende', intake().get('/arende'));
    for (const t of garbage) {
      await read(`opt-out ${t}`, notifications().get(`/v1/opt-out/${t}`));
      await read(`opt-out POST ${t}`, notifications().post(`/v1/opt-out/${t}`));
      await read(`survey page ${t}`, notifications().get(`/surveys/${t}`));
      await read(`survey form ${t}`, notifications().post(`/surveys/${t}`).type('form').send({ score: '5', comment: 'x' }));
      await read(`survey API ${t}`, notifications().post(`/v1/surveys/${t}`).send({ score: 5 }));
      await read(`open311 token ${t}`, intake().get(`/open311/v2/tokens/${t}.json`));
    }
    for (const [name, url] of [['intake', p.urls.intake!], ['notifications', p.urls.notifications!]]) {
      for (const path of ['/health/live', '/health/ready', '/metrics', '/docs/openapi.json']) await read(`${name} ${path}`, request(url).get(path));
    }

    const leaks: string[] = [];
    // A page may echo what the client itself asked for (the reference it typed): not a leak.
    const find = (r: Registered, what: string, needle: string) => {
      const where = reads.find((x) => x.text.includes(needle) && !x.what.includes(r.reference));
      if (where) leaks.push(`${r.reference} (${r.code} via ${r.channel}${r.public ? ', public' : ''}): ${what} '${needle}' in ${where.what}`);
    };
    for (const r of registered) {
      for (const c of r.contact) find(r, 'contact detail', c);
      find(r, 'staff answer', r.answer);
      if (!r.public) {
        find(r, 'citizen text', r.text);
        find(r, 'address', r.address);
        find(r, 'reference', `>${r.reference}<`);
        find(r, 'reference', `"${r.reference}"`);
      }
    }
    const PNR = /121212[ \u2013.-]*1212|1212121212/;
    // The API description documents the test number itself as an example value.
    for (const x of reads.filter((r) => !r.what.endsWith('/docs/openapi.json'))) {
      const m = PNR.exec(x.text);
      if (m) leaks.push(`personnummer in ${x.what}: …${x.text.slice(Math.max(0, m.index - 80), m.index + 30)}…`);
    }
    expect(leaks).toEqual([]);

    // What is public by nature is there, in the list: the citizen's words where they wrote them
    // knowing so (web, form, Open311), the place where they gave one (Open311 sends coordinates).
    const list = reads.find((x) => x.what === 'requests.json')!.text;
    for (const r of registered.filter((x) => x.public)) {
      expect({ r: r.reference, listed: list.includes(`"service_request_id":"${r.reference}"`), text: list.includes(r.text), address: list.includes(r.address) })
        .toEqual({ r: r.reference, listed: true, text: r.channel !== 'phone', address: r.channel !== 'open311' });
    }
  });
});
