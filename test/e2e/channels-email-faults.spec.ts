// Bad input and faults on the SMTP door: odd charsets, HTML with scripts, zip bombs, malformed
// MIME, huge headers, loops, and the database going away (451, then stored once it is back).
import { createHash } from 'crypto';
import { gzipSync } from 'zlib';
import { Client } from 'pg';
import nodemailer, { SendMailOptions } from 'nodemailer';
import { TcpProxy, viaProxy, waitFor } from '@lotsen/testing';
import { SmtpListener } from '../../apps/intake/src/email/smtp-listener';
import { startPlatform, TestPlatform } from '../support/platform';

const CRLF = '\r\n';
const TO = 'kontakt@demo.lotsen.se';

/** A raw message: header lines, blank line, body (CRLF line ends). */
function raw(headers: string[], body: string | Buffer): Buffer {
  return Buffer.concat([Buffer.from(headers.join(CRLF) + CRLF + CRLF, 'latin1'), typeof body === 'string' ? Buffer.from(body.replace(/\r?\n/g, CRLF), 'latin1') : body]);
}

describe('e-mail in: bad input and faults', () => {
  let p: TestPlatform;
  let db: Client;
  let smtpPort: number;
  const pgProxy = new TcpProxy('127.0.0.1', 5432);
  let n = 0;

  beforeAll(async () => {
    p = await startPlatform([]);
    await pgProxy.up();
    // Intake reaches Postgres only through a proxy this test can cut.
    await p.start('intake', { INTAKE_SMTP_PORT: '0', INTAKE_DATABASE_URL: viaProxy(p.serviceEnv.INTAKE_DATABASE_URL, pgProxy) });
    smtpPort = p.apps.intake!.get(SmtpListener).port;
    db = new Client({ connectionString: p.env.databaseUrl });
    await db.connect();
  }, 60000);
  afterAll(async () => {
    await db?.end();
    await p?.close();
    await pgProxy.down();
  });

  const send = (mail: SendMailOptions) => {
    const t = nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true, allowInternalNetworkInterfaces: true } as never);
    return t.sendMail(mail).finally(() => t.close());
  };
  const sendRaw = (message: Buffer, from = 'sven@example.se') => send({ envelope: { from, to: [TO] }, raw: message });
  const header = (subject: string, more: string[] = []) => [
    'From: Sven Svensson <sven@example.se>', `To: ${TO}`, `Subject: ${subject}`, `Message-ID: <fault-${++n}-${Date.now()}@example.se>`,
    'Date: Mon, 02 Mar 2026 10:00:00 +0100', 'MIME-Version: 1.0', ...more,
  ];
  const inquiryBySubject = async (subject: string) => (await db.query(`SELECT id, body, subject, attachments FROM intake.inquiries WHERE subject = $1`, [subject])).rows;
  const total = async () => (await db.query(`SELECT (SELECT count(*) FROM intake.inquiries)::int AS i, (SELECT count(*) FROM intake.email_messages)::int AS e`)).rows[0];

  it('decodes ISO-8859-1 and Windows-1252 Swedish mail correctly', async () => {
    const latin1 = raw(header('Latin-1', ['Content-Type: text/plain; charset=ISO-8859-1', 'Content-Transfer-Encoding: 8bit']), Buffer.from('Hälsningar från Södertälje\r\nÅsa Öberg\r\n', 'latin1'));
    const cp1252Body = Buffer.concat([Buffer.from('Hälsningar från Södertälje ', 'latin1'), Buffer.from([0x96, 0x20, 0x80, 0x35, 0x30, 0x20, 0x93, 0x74, 0x61, 0x63, 0x6b, 0x94]), Buffer.from('\r\n')]);
    const cp1252 = raw(header('=?windows-1252?Q?Fr=E5ga_om_avgift_=96_V=E4rmd=F6?=', ['Content-Type: text/plain; charset=windows-1252', 'Content-Transfer-Encoding: 8bit']), cp1252Body);
    const qp = raw(header('QP', ['Content-Type: text/plain; charset=iso-8859-1', 'Content-Transfer-Encoding: quoted-printable']), 'H=E4lsningar fr=E5n S=F6dert=E4lje\r\n');
    for (const m of [latin1, cp1252, qp]) expect((await sendRaw(m)).response).toMatch(/Registered as/);
    expect((await inquiryBySubject('Latin-1'))[0].body).toBe('Hälsningar från Södertälje\nÅsa Öberg');
    const [w] = await inquiryBySubject('Fråga om avgift – Värmdö');
    expect(w.body).toBe('Hälsningar från Södertälje – €50 “tack”');
    expect((await inquiryBySubject('QP'))[0].body).toBe('Hälsningar från Södertälje');
  });

  it('converts HTML-only mail to text: scripts, styles and handlers are gone, never stored as HTML', async () => {
    const html = '<html><head><style>p{color:red}</style><script>alert("x")</script></head><body onload="steal()">'
      + '<p>Hej,</p><p>Soptunnan &auml;r inte t&ouml;md.<br>Adress: <b>Storgatan&nbsp;3</b></p><img src="https://t.example/pixel.gif" onerror="alert(1)">'
      + '<ul><li>Kärl 1</li><li>Kärl 2</li></ul><a href="https://karta.example/x">karta</a><script>document.cookie</script></body></html>';
    const message = raw(header('HTML', ['Content-Type: text/html; charset=utf-8', 'Content-Transfer-Encoding: 8bit']), Buffer.from(html, 'utf8'));
    expect((await sendRaw(message)).response).toMatch(/Registered as/);
    const [row] = await inquiryBySubject('HTML');
    expect(row.body).toBe('Hej,\n\nSoptunnan är inte tömd.\nAdress: Storgatan 3\n\n- Kärl 1\n- Kärl 2\n\nkarta <https://karta.example/x>');
    const stored = (await db.query(`SELECT text FROM intake.email_messages WHERE inquiry_id = $1`, [row.id])).rows[0].text;
    for (const s of [row.body, stored]) expect(s).not.toMatch(/<script|alert|onload|onerror|color:red|document\.cookie/i);
  });

  it('stores a zip bomb as received (never decompressed) with its sha256, and refuses too many attachments with 552', async () => {
    const bomb = gzipSync(Buffer.alloc(200 * 1024 * 1024), { level: 9 }); // 200 MB of zeros in ~200 KB
    const info = await send({ from: 'sven@example.se', to: TO, subject: 'Bomb', text: 'Se bilaga.', attachments: [{ filename: 'data.zip.gz', content: bomb, contentType: 'application/gzip' }, { filename: '../../etc/passwd', content: 'root', contentType: 'text/plain' }] });
    expect(info.response).toMatch(/Registered as/);
    const [row] = await inquiryBySubject('Bomb');
    const files = (await db.query(`SELECT filename, content_type, size_bytes, sha256, length(content) AS len, source FROM intake.attachments WHERE inquiry_id = $1 ORDER BY filename`, [row.id])).rows;
    expect(files).toEqual([
      { filename: 'data.zip.gz', content_type: 'application/gzip', size_bytes: bomb.length, sha256: createHash('sha256').update(bomb).digest('hex'), len: bomb.length, source: 'email' },
      expect.objectContaining({ filename: 'passwd', size_bytes: 4, source: 'email' }),
    ]);
    expect(bomb.length).toBeLessThan(1024 * 1024);

    const before = await total();
    const many = Array.from({ length: 21 }, (_, i) => ({ filename: `f${i}.txt`, content: `fil ${i}` }));
    const err = await send({ from: 'sven@example.se', to: TO, subject: 'Many', text: 'x', attachments: many }).catch((e) => e);
    expect(err.responseCode).toBe(552);
    expect(String(err.response)).toMatch(/Too many attachments/);
    expect(await total()).toEqual(before);
  });

  it('survives malformed MIME and refuses huge headers with 552; the listener keeps working', async () => {
    const broken = raw(header('Broken', ['Content-Type: multipart/mixed; boundary="abc"', 'X-Garbage-Without-Colon', 'Content-Transfer-Encoding: base64']),
      '--abc\r\nContent-Type: text/plain; charset=no-such-charset\r\nContent-Transfer-Encoding: base64\r\n\r\nSGVq!!!not base64***\r\n--abc\r\nContent-Type: application/octet-stream\r\n\r\n\x00\x01\x02');
    const res = await sendRaw(broken).then((i) => i.response, (e) => `${e.responseCode} ${e.response}`);
    // Parsed as far as it goes and stored as a record: never a crash, never a 5xx for the sender to puzzle over.
    expect(res).toMatch(/^250 .*Registered as/);
    const [stored] = await inquiryBySubject('Broken');
    expect(typeof stored.body).toBe('string');
    expect(stored.body).not.toContain('\u0000');

    const nul = raw(header('Nul', ['Content-Type: text/plain; charset=utf-8']), Buffer.from('Hej\u0000 d\u00e4r', 'utf8'));
    expect((await sendRaw(nul)).response).toMatch(/Registered as/);
    expect((await inquiryBySubject('Nul'))[0].body).toBe('Hej där');

    const before = await total();
    const hugeHeader = raw(header('Huge', [`X-Filler: ${'a'.repeat(100 * 1024)}`]), 'Hej');
    const err = await sendRaw(hugeHeader).catch((e) => e);
    expect(err.responseCode).toBe(552);
    expect(String(err.response)).toMatch(/header too large/i);
    const manyLines = raw(header('Lines', Array.from({ length: 3000 }, (_, i) => `X-L${i}: 1`)), 'Hej');
    expect((await sendRaw(manyLines).catch((e) => e)).responseCode).toBe(552);
    expect(await total()).toEqual(before);

    expect((await sendRaw(raw(header('Still fine'), 'Fungerar det fortfarande?'))).response).toMatch(/Registered as/);
  });

  it('registers mail loops and creates nothing: our own loop header, too many Received lines, mail from our own address', async () => {
    const before = await total();
    const received = Array.from({ length: 31 }, (_, i) => `Received: from hop${i}.example by hop${i + 1}.example; Mon, 2 Mar 2026 10:00:${String(i).padStart(2, '0')} +0100`);
    for (const m of [
      raw(header('Loop 1', ['X-Lotsen-Loop: demo']), 'x'),
      raw([...received, ...header('Loop 2')], 'x'),
      raw(['From: Demo kommun <kontakt@demo.lotsen.se>', `To: ${TO}`, 'Subject: Loop 3', 'Message-ID: <loop3@x>'], 'x'),
    ]) expect((await sendRaw(m)).response).toMatch(/^250 /);
    expect(await total()).toEqual({ i: before.i, e: before.e + 3 });
    const loops = (await db.query(`SELECT disposition, inquiry_id FROM intake.email_messages WHERE subject LIKE 'Loop %'`)).rows;
    expect(loops).toEqual(Array(3).fill({ disposition: 'loop', inquiry_id: null }));
  });

  it('takes many messages at once (more than the pool has connections), each stored once', async () => {
    const before = await total();
    const infos = await Promise.all(Array.from({ length: 16 }, (_, i) => sendRaw(raw(header(`Parallel ${i}`), `Meddelande ${i}`))));
    for (const info of infos) expect(info.response).toMatch(/Registered as KC-/);
    expect(new Set(infos.map((i) => i.response)).size).toBe(16);
    expect(await total()).toEqual({ i: before.i + 16, e: before.e + 16 });
  });

  it('answers 451 while the database is away (the sender retries) and stores the retried mail once it is back', async () => {
    const message = raw(header('Under avbrottet'), 'Skickat medan databasen var borta.');
    const before = await total();
    await pgProxy.down();
    const err = await sendRaw(message).catch((e) => e);
    expect(err.responseCode).toBe(451);
    expect(String(err.response)).toMatch(/try again later/i);
    await pgProxy.up();
    // The sending server retries; once the pool has reconnected the message is stored, exactly once.
    const info = await waitFor('the retry to be accepted', () => sendRaw(message).then((i) => i, () => undefined), 20000);
    expect(info.response).toMatch(/Registered as/);
    expect((await sendRaw(message)).response).not.toMatch(/Registered as/);
    const after = await total();
    expect(after).toEqual({ i: before.i + 1, e: before.e + 1 });
  });
});
