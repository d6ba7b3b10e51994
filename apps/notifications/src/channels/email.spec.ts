// Against a real SMTP server (smtp-server) on a random local port; what arrived is parsed
// with mailparser, the way a mail client would read it.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import net, { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer, SMTPServerOptions } from 'smtp-server';
import { renderNotification } from '../templates';
import {
  classifySmtpError,
  createEmailTransport,
  DeliveryError,
  deliveryIdFromMessageId,
  domainOf,
  EmailTransport,
  notificationHeaders,
  notificationMessageId,
  OutgoingEmail,
} from '.';

interface Received {
  mail: ParsedMail;
  user?: string;
  rcpt: string[];
}

async function startSmtp(options: Partial<SMTPServerOptions> = {}, listenPort = 0) {
  const received: Received[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'], // plain local connection: nodemailer would not trust the self-signed cert
    authOptional: true,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, cb) {
      if (auth.username === 'lotsen' && auth.password === 's3cr:t') cb(null, { user: auth.username });
      else cb(Object.assign(new Error('Invalid credentials'), { responseCode: 535 }));
    },
    onData(stream, session, cb) {
      simpleParser(stream)
        .then((mail) => {
          received.push({ mail, user: session.user as string | undefined, rcpt: session.envelope.rcptTo.map((r) => r.address) });
          cb();
        })
        .catch(cb);
    },
    ...options,
  });
  await new Promise<void>((resolve) => server.listen(listenPort, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  const stop = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return { server, port, received, stop };
}

function email(overrides: Partial<OutgoingEmail> = {}): OutgoingEmail {
  return {
    from: '"Södertälje kommun" <noreply@sodertalje.example>',
    to: 'anna@example.se',
    replyTo: 'kontaktcenter@sodertalje.example',
    subject: 'Vi har tagit emot ditt ärende – KC-2026-000123',
    text: 'Hej!\nTack.',
    html: '<p>Hej!</p>',
    messageId: notificationMessageId('0b9a3f52-5d1e-4c55-9a1c-2f0e7f3f2a10', 'sodertalje.example'),
    ...overrides,
  };
}

async function failure(p: Promise<unknown>): Promise<DeliveryError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(DeliveryError);
  return e as DeliveryError;
}

describe('SMTP e-mail transport', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let transport: EmailTransport;

  beforeAll(async () => {
    smtp = await startSmtp();
    transport = createEmailTransport(`smtp://lotsen:${encodeURIComponent('s3cr:t')}@127.0.0.1:${smtp.port}`);
  });
  afterAll(async () => {
    await transport.close();
    await smtp.stop();
  });
  beforeEach(() => {
    smtp.received.length = 0;
  });

  it('delivers a rendered notification with our Message-ID, threading and headers', async () => {
    const n = renderNotification({
      trigger: 'receipt',
      language: 'ar',
      values: { tenantName: 'Södertälje kommun', reference: 'KC-2026-000123', optOutUrl: 'https://lotsen.example/opt-out/t1', answer: '' },
    });
    const msg = email({
      subject: n.subject,
      text: n.text,
      html: n.html,
      inReplyTo: '<citizen-mail-1@example.se>',
      references: ['<citizen-mail-1@example.se>'],
      headers: notificationHeaders({ automatic: true, optOutUrl: 'https://lotsen.example/opt-out/t1', oneClick: true }),
    });
    const result = await transport.send(msg);
    expect(result.response).toMatch(/^250 /);
    expect(result.providerMessageId).toBeTruthy();

    expect(smtp.received).toHaveLength(1);
    const { mail, user, rcpt } = smtp.received[0];
    expect(user).toBe('lotsen');
    expect(rcpt).toEqual(['anna@example.se']);
    expect(mail.subject).toBe(n.subject);
    expect(mail.text?.trim()).toBe(n.text.trim());
    expect(mail.html).toContain('<html lang="ar" dir="rtl">');
    expect(mail.messageId).toBe('<notif-0b9a3f52-5d1e-4c55-9a1c-2f0e7f3f2a10@sodertalje.example>');
    expect(deliveryIdFromMessageId(mail.messageId)).toBe('0b9a3f52-5d1e-4c55-9a1c-2f0e7f3f2a10');
    expect(mail.inReplyTo).toBe('<citizen-mail-1@example.se>');
    expect(mail.references).toBe('<citizen-mail-1@example.se>');
    expect(mail.from?.value[0]).toEqual({ name: 'Södertälje kommun', address: 'noreply@sodertalje.example' });
    expect(mail.replyTo?.value[0].address).toBe('kontaktcenter@sodertalje.example');
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
    const raw = (key: string) => mail.headerLines.find((h) => h.key === key)?.line;
    expect(raw('list-unsubscribe')).toBe('List-Unsubscribe: <https://lotsen.example/opt-out/t1>');
    expect(raw('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
  });

  it('keeps up a pooled stream of messages', async () => {
    const n = 100;
    await Promise.all(Array.from({ length: n }, (_, i) => transport.send(email({ messageId: notificationMessageId(`bulk-${i}`, 'sodertalje.example') }))));
    expect(new Set(smtp.received.map((r) => r.mail.messageId)).size).toBe(n);
  });

  it('treats a failed login as transient: it is our configuration, not the recipient', async () => {
    const wrong = createEmailTransport(`smtp://lotsen:wrong@127.0.0.1:${smtp.port}`);
    try {
      const e = await failure(wrong.send(email()));
      expect(e).toMatchObject({ kind: 'transient', code: '535', recipientRejected: false });
    } finally {
      await wrong.close();
    }
  });
});

describe('SMTP failure classification', () => {
  it.each([
    [451, 'transient', false],
    [452, 'transient', false],
    [550, 'permanent', true],
    [553, 'permanent', true],
  ] as const)('a %d reply to RCPT TO is %s', async (code, kind, recipientRejected) => {
    const smtp = await startSmtp({
      onRcptTo(_addr, _session, cb) {
        cb(Object.assign(new Error(code === 550 ? 'Mailbox unavailable' : 'Try again later'), { responseCode: code }));
      },
    });
    const transport = createEmailTransport(`smtp://127.0.0.1:${smtp.port}`);
    try {
      const e = await failure(transport.send(email()));
      expect(e).toMatchObject({ kind, code: String(code), recipientRejected });
      expect(e.response).toMatch(new RegExp(`^${code} `));
      expect(smtp.received).toHaveLength(0);
    } finally {
      await transport.close();
      await smtp.stop();
    }
  });

  it('a 554 after the data is permanent but says nothing about the address', async () => {
    const smtp = await startSmtp({
      onData(stream, _session, cb) {
        stream.resume();
        stream.on('end', () => cb(Object.assign(new Error('Message rejected as spam'), { responseCode: 554 })));
      },
    });
    const transport = createEmailTransport(`smtp://127.0.0.1:${smtp.port}`);
    try {
      expect(await failure(transport.send(email()))).toMatchObject({ kind: 'permanent', code: '554', recipientRejected: false });
    } finally {
      await transport.close();
      await smtp.stop();
    }
  });

  it('a stopped server (connection refused) is transient, and mail flows again once it is back', async () => {
    const smtp = await startSmtp();
    const port = smtp.port;
    await smtp.stop();
    const transport = createEmailTransport(`smtp://127.0.0.1:${port}`);
    try {
      const e = await failure(transport.send(email()));
      expect(e).toMatchObject({ kind: 'transient', code: 'ECONNREFUSED' });

      // The same port again, as when the relay comes back after a restart.
      const back = await startSmtp({}, port);
      try {
        await transport.send(email());
        expect(back.received).toHaveLength(1);
      } finally {
        await transport.close(); // first: the server waits for open client connections on close
        await back.stop();
      }
    } finally {
      await transport.close();
    }
  });

  it('a server that accepts but never greets times out as transient', async () => {
    const silent = net.createServer(() => {}); // holds the socket, says nothing
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as AddressInfo).port;
    // Timeouts can be tuned in the URL; the default greeting timeout is 10 s.
    const transport = createEmailTransport(`smtp://127.0.0.1:${port}/?greetingTimeout=200`);
    try {
      expect(await failure(transport.send(email()))).toMatchObject({ kind: 'transient', code: 'ETIMEDOUT' });
    } finally {
      await transport.close();
      silent.close();
    }
  });

  it('a connection dropped mid-session is transient', () => {
    expect(classifySmtpError(Object.assign(new Error('Connection closed unexpectedly'), { code: 'ECONNECTION' }))).toMatchObject({ kind: 'transient', code: 'ECONNECTION' });
    expect(classifySmtpError(Object.assign(new Error('No recipients defined'), { code: 'EENVELOPE' }))).toMatchObject({ kind: 'permanent', recipientRejected: true });
  });
});

describe('file e-mail transport (development)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'lotsen-eml-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('writes each message as an .eml file and returns its path', async () => {
    const transport = createEmailTransport(pathToFileURL(path.join(dir, 'outbox')).href);
    const { response, providerMessageId } = await transport.send(email({ headers: notificationHeaders({ automatic: true }) }));
    expect(response.startsWith(path.join(dir, 'outbox') + path.sep)).toBe(true);
    expect(response).toMatch(/\.eml$/);
    expect(providerMessageId).toBe(email().messageId);
    const raw = await readFile(response);
    expect(raw.toString('latin1')).toContain('\r\n'); // as it would go over SMTP
    const mail = await simpleParser(raw);
    expect(mail.subject).toBe(email().subject);
    expect(mail.messageId).toBe(email().messageId);
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
    await transport.close();
  });

  it('rejects an unknown scheme without echoing credentials', () => {
    expect(() => createEmailTransport('http://user:topsecret@mail.example')).toThrow(/unsupported e-mail transport "http:"/);
    expect(() => createEmailTransport('http://user:topsecret@mail.example')).not.toThrow(/topsecret/);
  });
});

describe('helpers', () => {
  it('builds and reads our Message-ID', () => {
    expect(notificationMessageId('d1', 'demo.se')).toBe('<notif-d1@demo.se>');
    expect(deliveryIdFromMessageId('<a@b> <notif-d1@demo.se>')).toBe('d1');
    expect(deliveryIdFromMessageId('<other@demo.se>')).toBeUndefined();
    expect(domainOf('"Demo kommun" <noreply@Demo.SE>')).toBe('demo.se');
    expect(domainOf('noreply@demo.se')).toBe('demo.se');
  });

  it('marks only machine-made messages Auto-Submitted', () => {
    expect(notificationHeaders({ automatic: false })).not.toHaveProperty('Auto-Submitted');
    expect(notificationHeaders({ automatic: true, optOutUrl: 'https://x/o' })).toMatchObject({
      'Auto-Submitted': 'auto-generated',
      'List-Unsubscribe': '<https://x/o>',
    });
  });
});
