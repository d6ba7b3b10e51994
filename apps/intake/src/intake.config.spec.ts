import { DEV_SECRET, loadIntakeConfig } from './intake.config';

describe('intake config: the SMTP listener', () => {
  it('listens on 2525 by default, on a free port when the HTTP port is free too, and says whether the port was asked for', () => {
    expect(loadIntakeConfig({}).smtp).toMatchObject({ enabled: true, port: 2525, required: false, maxMessageBytes: 10 * 1024 * 1024 });
    expect(loadIntakeConfig({ INTAKE_PORT: '0' }).smtp).toMatchObject({ port: 0, required: false });
    expect(loadIntakeConfig({ INTAKE_SMTP_PORT: '2526' }).smtp).toMatchObject({ port: 2526, required: true });
    expect(loadIntakeConfig({ INTAKE_SMTP_ENABLED: 'false' }).smtp.enabled).toBe(false);
  });

  it('refuses nonsense limits at start', () => {
    expect(() => loadIntakeConfig({ INTAKE_SMTP_MAX_MESSAGE_BYTES: '10' })).toThrow(/maxMessageBytes/);
    expect(() => loadIntakeConfig({ INTAKE_SMTP_PORT: 'abc' })).toThrow(/port/);
  });
});

describe('intake config: secrets in production', () => {
  const prod = { NODE_ENV: 'production', INTAKE_DATABASE_URL: 'postgres://lotsen_intake:4f1e9a7c2b@db:5432/lotsen', AMQP_URL: 'amqp://lotsen:8d3c1b0a9e@mq:5672' };

  it('refuses to start without INTAKE_SECRET, with the template placeholder or with the development value', () => {
    expect(() => loadIntakeConfig(prod)).toThrow(/INTAKE_SECRET .*required/);
    expect(() => loadIntakeConfig({ ...prod, INTAKE_SECRET: 'CHANGE-ME-intake-secret-at-least-16-chars' })).toThrow(/INTAKE_SECRET .*placeholder/);
    expect(() => loadIntakeConfig({ ...prod, INTAKE_SECRET: DEV_SECRET })).toThrow(/INTAKE_SECRET .*development value/);
    expect(loadIntakeConfig({ ...prod, INTAKE_SECRET: '0c9a8b7d6e5f4a3b2c1d0e9f8a7b6c5d' }).secret).toBe('0c9a8b7d6e5f4a3b2c1d0e9f8a7b6c5d');
  });

  it('refuses the development broker and database credentials, and a missing database URL', () => {
    const ok = { ...prod, INTAKE_SECRET: '0c9a8b7d6e5f4a3b2c1d0e9f8a7b6c5d' };
    expect(() => loadIntakeConfig({ ...ok, AMQP_URL: 'amqp://guest:guest@rabbitmq:5672' })).toThrow(/AMQP_URL .*development credential/);
    expect(() => loadIntakeConfig({ ...ok, INTAKE_DATABASE_URL: undefined })).toThrow(/INTAKE_DATABASE_URL or DATABASE_URL .*required/);
  });

  it('never shows the secret in the error', () => {
    expect(() => loadIntakeConfig({ ...prod, INTAKE_SECRET: 'tooshort-s3cr3t' })).toThrow(/secret: .*value not shown/);
    expect(() => loadIntakeConfig({ ...prod, INTAKE_SECRET: 'tooshort-s3cr3t' })).not.toThrow(/tooshort-s3cr3t/);
  });
});
