import { IsString, Matches, MinLength } from 'class-validator';
import { defineConfig, Secret } from './define-config';
import { commonSecrets, isDevelopment, productionSecretProblems, redactCredentials } from './secrets';

class Sample {
  @Secret() @IsString() @MinLength(16) token: string;
  @Secret() @Matches(/^postgres:\/\//) url: string;
  @Matches(/^https?:\/\//) publicUrl: string;
}

const loadSample = defineConfig(Sample, (env) => ({ token: env.TOKEN ?? 'sample-development-token', url: env.URL ?? 'postgres://localhost/x', publicUrl: env.PUBLIC ?? 'http://x' }), {
  secrets: (env) => [{ name: 'TOKEN', value: env.TOKEN, development: ['sample-development-token'] }, { name: 'URL', value: env.URL, url: true }],
});

describe('secrets outside development', () => {
  it('development is no NODE_ENV, development or test; anything else is strict', () => {
    expect([undefined, '', 'development', 'test', 'Development'].map((m) => isDevelopment({ NODE_ENV: m }))).toEqual([true, true, true, true, true]);
    expect(['production', 'staging', 'prod'].map((m) => isDevelopment({ NODE_ENV: m }))).toEqual([false, false, false]);
  });

  it('in development the fallbacks apply and nothing is required', () => {
    expect(loadSample({}).token).toBe('sample-development-token');
  });

  it('refuses a missing, placeholder or development secret in production, naming the variable', () => {
    const prod = { NODE_ENV: 'production', URL: 'postgres://app:s3cret-pw@db/x' };
    expect(() => loadSample(prod)).toThrow(/TOKEN \(NODE_ENV=production\): required outside development/);
    expect(() => loadSample({ ...prod, TOKEN: 'CHANGE-ME-intake-secret-at-least-16-chars' })).toThrow(/TOKEN .*placeholder/);
    expect(() => loadSample({ ...prod, TOKEN: 'sample-development-token' })).toThrow(/TOKEN .*development value/);
    expect(() => loadSample({ ...prod, TOKEN: 'b0f1c2d3e4f5a6b7c8d9e0f1' })).not.toThrow();
    expect(() => loadSample({ NODE_ENV: 'staging', TOKEN: 'b0f1c2d3e4f5a6b7c8d9e0f1' })).toThrow(/URL .*required/);
  });

  it('refuses placeholder and well-known development credentials in a URL', () => {
    const problems = (url: string) => productionSecretProblems({ NODE_ENV: 'production' }, [{ name: 'AMQP_URL', value: url, url: true }]);
    expect(problems('amqp://guest:guest@rabbitmq:5672')).toEqual([expect.stringMatching(/AMQP_URL .*development credential/)]);
    expect(problems('postgres://postgres:postgres@db/lotsen')).toHaveLength(1);
    expect(problems('smtp://CHANGE-ME:CHANGE-ME@smtp.example.se:587')).toEqual([expect.stringMatching(/placeholder/)]);
    expect(problems('amqp://lotsen:9f8e7d6c5b4a@rabbitmq:5672')).toEqual([]);
  });

  it('names the database variable the service reads', () => {
    expect(commonSecrets({ INTAKE_DATABASE_URL: 'x' }, 'INTAKE')[0].name).toBe('INTAKE_DATABASE_URL');
    expect(commonSecrets({ DATABASE_URL: 'x' }, 'INTAKE')[0].name).toBe('DATABASE_URL');
    expect(commonSecrets({}, 'INTAKE')[0].name).toBe('INTAKE_DATABASE_URL or DATABASE_URL');
  });

  it('never prints a secret value in a configuration error', () => {
    const secretValue = 'short-secret';
    const dbPassword = 'hunter2-db-password';
    let message = '';
    try {
      loadSample({ TOKEN: secretValue, URL: `mysql://app:${dbPassword}@db/x`, PUBLIC: `ftp://user:${dbPassword}@host` });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/token: .*value not shown: secret/);
    expect(message).toMatch(/url: .*value not shown: secret/);
    expect(message).toMatch(/publicUrl: .*ftp:\/\/\*\*\*@host/);
    expect(message).not.toContain(secretValue);
    expect(message).not.toContain(dbPassword);
  });

  it('redacts the user info of URLs', () => {
    expect(redactCredentials('"amqp://u:p@host:5672" and smtps://x@y')).toBe('"amqp://***@host:5672" and smtps://***@y');
  });
});
