import * as net from 'net';
import { IntakeConfig, loadIntakeConfig } from '../intake.config';
import { SmtpListener } from './smtp-listener';

// Start-up only: nothing here reaches the intake service or the database.
const metrics = { counter: () => ({ inc: () => undefined }) } as never;
const listener = (config: IntakeConfig) => new SmtpListener(config, {} as never, {} as never, metrics);

async function blockPort(): Promise<{ port: number; close: () => void }> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return { port: (s.address() as net.AddressInfo).port, close: () => s.close() };
}

describe('SmtpListener start-up', () => {
  it('greets on the configured port', async () => {
    const l = listener(loadIntakeConfig({ INTAKE_SMTP_PORT: '0', HOST: '127.0.0.1' }));
    await l.onApplicationBootstrap();
    try {
      const banner = await new Promise<string>((resolve, reject) => {
        const sock = net.connect(l.port, '127.0.0.1');
        sock.once('data', (d) => { resolve(d.toString()); sock.end(); });
        sock.once('error', reject);
      });
      expect(banner).toMatch(/^220 lotsen-intake ESMTP/);
    } finally {
      await l.onApplicationShutdown();
    }
  });

  it('refuses to start when a port it was given explicitly is taken', async () => {
    const b = await blockPort();
    try {
      await expect(listener(loadIntakeConfig({ INTAKE_SMTP_PORT: String(b.port), HOST: '127.0.0.1' })).onApplicationBootstrap()).rejects.toMatchObject({ code: 'EADDRINUSE' });
    } finally {
      b.close();
    }
  });

  it('on the default port, a second instance on the same host runs without SMTP (and says so)', async () => {
    const b = await blockPort();
    const config = loadIntakeConfig({ HOST: '127.0.0.1' });
    config.smtp.port = b.port; // stands in for 2525 being taken by the first instance
    const l = listener(config);
    try {
      await expect(l.onApplicationBootstrap()).resolves.toBeUndefined();
      expect(l.port).toBe(0);
    } finally {
      b.close();
      await l.onApplicationShutdown();
    }
  });

  it('does nothing when disabled', async () => {
    const l = listener(loadIntakeConfig({ INTAKE_SMTP_ENABLED: 'false' }));
    await l.onApplicationBootstrap();
    expect(l.port).toBe(0);
  });
});
