// Against a real local HTTP server playing the provider (46elks' API shape).
import http from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createSmsProvider, DeliveryError, maskAddress, normalizePhoneNumber, SmsProvider } from '.';

interface Seen {
  method?: string;
  url?: string;
  authorization?: string;
  contentType?: string;
  form: Record<string, string>;
}

describe('HTTP SMS provider', () => {
  let server: http.Server;
  let base: string;
  const seen: Seen[] = [];
  // What the provider answers next: status and body, or 'hang' to never answer.
  let reply: { status: number; body: string } | 'hang' = { status: 200, body: '' };
  let provider: SmsProvider;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        seen.push({
          method: req.method,
          url: req.url,
          authorization: req.headers.authorization,
          contentType: req.headers['content-type'],
          form: Object.fromEntries(new URLSearchParams(body)),
        });
        if (reply === 'hang') return;
        res.writeHead(reply.status, { 'content-type': 'application/json' }).end(reply.body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `127.0.0.1:${(server.address() as AddressInfo).port}`;
    provider = createSmsProvider(`http://u1234:${encodeURIComponent('p@ss:word')}@${base}/a1/`, { timeoutMs: 300 });
  });
  afterAll(async () => {
    await provider.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => {
    seen.length = 0;
  });

  async function failure(p: Promise<unknown>): Promise<DeliveryError> {
    const e = await p.then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(DeliveryError);
    return e as DeliveryError;
  }

  it('posts from/to/message form-encoded with basic auth and returns the provider id', async () => {
    reply = { status: 200, body: JSON.stringify({ id: 's70df59406a1b4643b96f3f91e0bfb7b0', status: 'created', to: '+46701234567', parts: 1 }) };
    const r = await provider.send({ from: 'Sodertalje', to: '070-123 45 67', message: 'Hej! Vi har tagit emot ditt ärende KC-2026-000123.' });
    expect(r.providerMessageId).toBe('s70df59406a1b4643b96f3f91e0bfb7b0');
    expect(r.response).toMatch(/^200 /);
    expect(r.response).not.toContain('+46701234567'); // the number is masked in what gets logged
    expect(seen).toHaveLength(1);
    expect(seen[0]).toEqual({
      method: 'POST',
      url: '/a1/sms',
      authorization: `Basic ${Buffer.from('u1234:p@ss:word').toString('base64')}`,
      contentType: 'application/x-www-form-urlencoded',
      form: { from: 'Sodertalje', to: '+46701234567', message: 'Hej! Vi har tagit emot ditt ärende KC-2026-000123.' },
    });
  });

  it('a 503 is transient', async () => {
    reply = { status: 503, body: 'Service Unavailable' };
    expect(await failure(provider.send({ from: 'Demo', to: '+46701234567', message: 'x' }))).toMatchObject({
      kind: 'transient',
      code: '503',
      response: '503 Service Unavailable',
    });
  });

  it('a 429 is transient, a 401 too (our credentials, not the number)', async () => {
    reply = { status: 429, body: 'Too many requests' };
    expect(await failure(provider.send({ from: 'Demo', to: '+46701234567', message: 'x' }))).toMatchObject({ kind: 'transient', code: '429' });
    reply = { status: 401, body: 'Unauthorized' };
    expect(await failure(provider.send({ from: 'Demo', to: '+46701234567', message: 'x' }))).toMatchObject({ kind: 'transient', code: '401' });
  });

  it('a 400 is permanent', async () => {
    reply = { status: 400, body: 'Invalid to number' };
    expect(await failure(provider.send({ from: 'Demo', to: '+46701234567', message: 'x' }))).toMatchObject({
      kind: 'permanent',
      code: '400',
      recipientRejected: true,
    });
    // Refused for another reason than the number: permanent, but the address stays usable.
    reply = { status: 402, body: 'Not enough credits' };
    expect(await failure(provider.send({ from: 'Demo', to: '+46701234567', message: 'x' }))).toMatchObject({ kind: 'permanent', recipientRejected: false });
  });

  it('an invalid number is permanent and never sent', async () => {
    for (const to of ['abc', '0701', '+46 70', '+0123456789', '']) {
      expect(await failure(provider.send({ from: 'Demo', to, message: 'x' }))).toMatchObject({ kind: 'permanent', code: 'INVALID_NUMBER', recipientRejected: true });
    }
    expect(await failure(provider.send({ from: 'Way too long sender', to: '0701234567', message: 'x' }))).toMatchObject({ kind: 'permanent', code: 'INVALID_SENDER' });
    expect(await failure(provider.send({ from: 'Demo', to: '0701234567', message: ' ' }))).toMatchObject({ kind: 'permanent', code: 'EMPTY_MESSAGE' });
    expect(seen).toHaveLength(0);
  });

  it('a provider that does not answer in time is transient', async () => {
    reply = 'hang';
    const started = Date.now();
    expect(await failure(provider.send({ from: 'Demo', to: '+46701234567', message: 'x' }))).toMatchObject({ kind: 'transient', code: 'ETIMEDOUT' });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('a provider that is down (connection refused) is transient', async () => {
    const down = http.createServer();
    await new Promise<void>((resolve) => down.listen(0, '127.0.0.1', resolve));
    const port = (down.address() as AddressInfo).port;
    await new Promise((resolve) => down.close(resolve));
    const p = createSmsProvider(`http://u:p@127.0.0.1:${port}/a1`);
    expect(await failure(p.send({ from: 'Demo', to: '+46701234567', message: 'x' }))).toMatchObject({ kind: 'transient', code: 'ECONNREFUSED' });
  });
});

describe('file SMS provider (development)', () => {
  it('writes a .txt per message and returns its path', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'lotsen-sms-'));
    try {
      const p = createSmsProvider(pathToFileURL(dir).href);
      const r = await p.send({ from: 'Demo', to: '0701234567', message: 'Hej!\nRad två.' });
      expect(r.response).toMatch(/\.txt$/);
      expect(await readFile(r.response, 'utf8')).toMatch(/^From: Demo\nTo: \+46701234567\nDate: .+\n\nHej!\nRad två.\n$/);
      await expect(p.send({ from: 'Demo', to: 'nope', message: 'x' })).rejects.toMatchObject({ kind: 'permanent', code: 'INVALID_NUMBER' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('normalizePhoneNumber', () => {
  it.each([
    ['0701234567', '+46701234567'],
    ['070-123 45 67', '+46701234567'],
    ['+46 70 123 45 67', '+46701234567'],
    ['+46 (0)70-123 45 67', '+46701234567'],
    ['0046701234567', '+46701234567'],
    ['08-123 456 78', '+46812345678'],
    ['+358 40 1234567', '+358401234567'],
    ['+4670123', undefined],
    ['0701', undefined],
    ['+46701234567890', undefined],
    ['070abc4567', undefined],
    ['', undefined],
  ])('%p → %p', (input, expected) => {
    expect(normalizePhoneNumber(input)).toBe(expected);
  });
});

describe('maskAddress', () => {
  it.each([
    ['anna@example.se', 'a***@example.se'],
    ['Anna Andersson <anna.andersson@example.se>', 'a***@example.se'],
    ['+46701234567', '+4670*****67'],
    ['0701234567', '070*****67'],
    ['12345', '*****'],
    ['', ''],
    [undefined, ''],
  ])('%p → %p', (input, expected) => {
    expect(maskAddress(input)).toBe(expected);
  });
});
