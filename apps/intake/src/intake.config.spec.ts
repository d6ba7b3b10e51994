import { loadIntakeConfig } from './intake.config';

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
