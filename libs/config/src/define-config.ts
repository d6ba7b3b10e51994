import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';

export type Env = Record<string, string | undefined>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

function flatten(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((e) => {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((m) => `${path}: ${m} (got ${JSON.stringify(e.value)})`);
    return [...own, ...flatten(e.children ?? [], path)];
  });
}

/**
 * A typed configuration: `read` maps environment variables to a plain object, the class's
 * class-validator decorators check it, and start-up fails with every problem listed at once.
 */
export function defineConfig<T extends object>(cls: new () => T, read: (env: Env) => unknown) {
  return (env: Env = process.env): T => {
    const instance = plainToInstance(cls, read(env));
    const errors = validateSync(instance as object, { whitelist: true, forbidUnknownValues: false });
    if (errors.length) throw new ConfigError(flatten(errors));
    return instance;
  };
}

export function intEnv(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  return /^-?\d+$/.test(value.trim()) ? Number(value) : NaN;
}

export function boolEnv(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return ['1', 'true', 'yes', 'on'].includes(value.toLowerCase());
}
