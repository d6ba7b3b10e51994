import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { productionSecretProblems, redactCredentials, SecretVariable } from './secrets';

export type Env = Record<string, string | undefined>;

const SECRET_FIELDS = new WeakMap<object, Set<string>>();

/**
 * Marks a configuration field whose value is never printed: a validation problem with it names
 * the field and the rule, not what was given (start-up errors end up in logs and CI output).
 */
export function Secret(): PropertyDecorator {
  return (target, property) => {
    const set = SECRET_FIELDS.get(target) ?? new Set<string>();
    set.add(String(property));
    SECRET_FIELDS.set(target, set);
  };
}

function isSecretField(target: object | undefined, property: string): boolean {
  for (let proto: object | null = target ? (Object.getPrototypeOf(target) as object | null) : null; proto; proto = Object.getPrototypeOf(proto) as object | null) {
    if (SECRET_FIELDS.get(proto)?.has(property)) return true;
  }
  return false;
}

function shown(e: ValidationError): string {
  if (isSecretField(e.target, e.property)) return 'value not shown: secret';
  if (e.value === undefined) return 'not set';
  // A nested object may hold secret fields of its own.
  if (e.value !== null && typeof e.value === 'object') return Array.isArray(e.value) ? 'got an array' : 'got an object';
  return `got ${redactCredentials(JSON.stringify(e.value) ?? String(e.value))}`;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

function flatten(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((e) => {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((m) => `${path}: ${m} (${shown(e)})`);
    return [...own, ...flatten(e.children ?? [], path)];
  });
}

export interface ConfigOptions {
  /**
   * The secrets the service reads: outside development (see isDevelopment) each must be set and
   * be neither a template placeholder nor a development value, or the service does not start.
   */
  secrets?: (env: Env) => SecretVariable[];
}

/**
 * A typed configuration: `read` maps environment variables to a plain object, the class's
 * class-validator decorators check it, and start-up fails with every problem listed at once.
 */
export function defineConfig<T extends object>(cls: new () => T, read: (env: Env) => unknown, options: ConfigOptions = {}) {
  return (env: Env = process.env): T => {
    const secretProblems = productionSecretProblems(env, options.secrets?.(env) ?? []);
    const instance = plainToInstance(cls, read(env));
    const errors = validateSync(instance as object, { whitelist: true, forbidUnknownValues: false });
    const problems = [...secretProblems, ...flatten(errors)];
    if (problems.length) throw new ConfigError(problems);
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
