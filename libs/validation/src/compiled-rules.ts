import { TransformationType } from 'class-transformer';
import type { MetadataStorage as TransformerMetadata } from 'class-transformer/types/MetadataStorage';
import { getMetadataStorage, ValidationArguments, ValidationTypes } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

// class-transformer keeps its @Type/@Transform metadata in a module it does not re-export.
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as { defaultMetadataStorage: TransformerMetadata };

/**
 * A class's class-validator rules compiled into one closure, for hot paths: every delivered event
 * and every request body is checked, and class-validator's general machinery (per-call metadata
 * lookups, grouping and error objects, and for events plainToInstance) cost more than the checks.
 *
 * The verdicts come from class-validator's own constraint functions, read from its metadata; only
 * the walk is ours. `true` means class-validator would accept the value as well; `false` or
 * `undefined` (a rule this walk does not know) mean: ask class-validator, which also words the
 * errors. So a mistake here can only cost time, never let an invalid value through, as long as
 * `true` is right; the specs check that against class-validator on generated values.
 */
export type PayloadCheck = (payload: unknown) => boolean | undefined;

type Check = (value: unknown, object: object) => boolean | undefined;

/**
 * `plain`: a JSON payload as validateEvent checks it: plainToInstance, then validateSync.
 * `instance`: an object class-transformer already made, as the HTTP ValidationPipe checks it
 * (whitelist, forbidNonWhitelisted, forbidUnknownValues): nested objects by their own class, and
 * a property without rules is an error.
 */
type Mode = 'plain' | 'instance';

const compiled: Record<Mode, Map<Function, PayloadCheck>> = { plain: new Map(), instance: new Map() };

function cached(mode: Mode, cls: Function): PayloadCheck {
  let check = compiled[mode].get(cls);
  if (!check) {
    check = compile(cls, mode);
    compiled[mode].set(cls, check);
  }
  return check;
}

/** For a plain payload of `cls` (events). */
export function payloadCheck(cls: new () => object): PayloadCheck {
  return cached('plain', cls);
}

/** For an instance, by its own class, under whitelist and forbidNonWhitelisted (request bodies). */
export function instanceCheck(value: object): boolean | undefined {
  return cached('instance', value.constructor)(value);
}

const unknownRule: PayloadCheck = () => undefined;

/** All of `items` pass: false as soon as one fails, undefined if one could not be told. */
function every<T>(items: Iterable<T>, check: (item: T) => boolean | undefined): boolean | undefined {
  let verdict: boolean | undefined = true;
  for (const item of items) {
    const v = check(item);
    if (v === false) return false;
    if (v === undefined) verdict = undefined;
  }
  return verdict;
}

function compile(cls: Function, mode: Mode): PayloadCheck {
  // The same question class-validator asks for a call without groups (validateSync's defaults).
  const metadatas: ValidationMetadata[] = getMetadataStorage().getTargetValidationMetadatas(cls, undefined as unknown as string, false, false, undefined);
  // No rules at all: forbidUnknownValues makes that an error, worded by class-validator.
  if (!metadatas.length) return unknownRule;
  if (mode === 'plain') {
    // class-transformer would change values on the way in: leave such classes to the real thing.
    if (defaultMetadataStorage.getExposedMetadatas(cls).length || defaultMetadataStorage.getExcludedMetadatas(cls).length) return unknownRule;
    // A field with a default: plainToInstance's instance has a value where the payload has none.
    if (Object.values(new (cls as new () => object)()).some((v) => v !== undefined)) return unknownRule;
  }
  const grouped = getMetadataStorage().groupByPropertyName(metadatas);
  const properties: Array<{ name: string; check: Check }> = [];
  for (const [name, list] of Object.entries(grouped)) {
    if (mode === 'plain' && defaultMetadataStorage.findTransformMetadatas(cls, name, TransformationType.PLAIN_TO_CLASS).length) return unknownRule;
    const check = propertyCheck(cls, name, list, mode);
    if (!check) return unknownRule;
    properties.push({ name, check });
  }
  const known = new Set(Object.keys(grouped));
  return (payload) => {
    // An array or a non-object is for class-validator to judge (plainToInstance maps arrays).
    if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) return undefined;
    // Whitelist: a property without rules "should not exist".
    if (mode === 'instance' && Object.keys(payload).some((key) => !known.has(key))) return undefined;
    return every(properties, (p) => p.check((payload as Record<string, unknown>)[p.name], payload));
  };
}

/** One property's rules, as class-validator's performValidations applies them; undefined where a rule is unknown here. */
function propertyCheck(cls: Function, property: string, list: ValidationMetadata[], mode: Mode): Check | undefined {
  const conditions: Array<(object: object, value: unknown) => boolean> = [];
  const custom: Check[] = [];
  let nested: Check | undefined;
  for (const m of list) {
    if (m.type === ValidationTypes.CONDITIONAL_VALIDATION) conditions.push(m.constraints[0]);
    else if (m.type === ValidationTypes.CUSTOM_VALIDATION) {
      const constraints = getMetadataStorage().getTargetValidatorConstraints(m.constraintCls);
      if (constraints.length === 0) return undefined;
      for (const c of constraints) custom.push(constraintCheck(cls, property, m, c.instance as { validate: (v: unknown, a: ValidationArguments) => unknown }));
    } else if (m.type === ValidationTypes.NESTED_VALIDATION && !nested) {
      nested = mode === 'plain' ? nestedCheck(cls, property) : nestedInstanceCheck;
      if (!nested) return undefined;
    } else return undefined; // IS_DEFINED, WHITELIST, PROMISE_VALIDATION, a second nested rule…
  }
  const checks = nested ? [...custom, nested] : custom;
  return (value, object) => {
    for (const condition of conditions) if (!condition(object, value)) return true;
    return every(checks, (c) => c(value, object));
  };
}

function constraintCheck(cls: Function, property: string, m: ValidationMetadata, instance: { validate: (v: unknown, a: ValidationArguments) => unknown }): Check {
  const verdict = (result: unknown): boolean | undefined => (typeof result === 'boolean' ? result : result && typeof (result as Promise<unknown>).then === 'function' ? undefined : Boolean(result));
  return (value, object) => {
    const args: ValidationArguments = { targetName: cls.name, property, object, value, constraints: m.constraints };
    if (!m.each || !(Array.isArray(value) || value instanceof Set || value instanceof Map)) return verdict(instance.validate(value, args));
    return every<unknown>(value instanceof Map ? value.values() : value, (item) => verdict(instance.validate(item, args)));
  };
}

/** @ValidateNested with @Type(() => X): an object is checked as an X, an array item by item; another value fails. */
function nestedCheck(cls: Function, property: string): Check | undefined {
  const type = defaultMetadataStorage.findTypeMetadata(cls, property);
  if (!type || type.options?.discriminator) return undefined;
  const target = type.typeFunction() as (new () => object) | undefined;
  if (typeof target !== 'function') return undefined;
  const one = (value: unknown): boolean | undefined => {
    if (value === undefined) return true;
    if (Array.isArray(value)) return undefined; // arrays within arrays: class-validator's business
    if (value instanceof Object) return payloadCheck(target)(value);
    return false;
  };
  return (value) => (Array.isArray(value) ? every(value, one) : one(value));
}

/** @ValidateNested on an instance: class-validator checks a nested object by its own class. */
const nestedInstanceCheck: Check = (value) => {
  const one = (item: unknown): boolean | undefined => {
    if (Array.isArray(item) || item instanceof Set || item instanceof Map) return undefined;
    if (item instanceof Object) return instanceCheck(item);
    return false;
  };
  if (value === undefined) return true;
  if (value instanceof Set || value instanceof Map) return undefined;
  return Array.isArray(value) ? every(value, one) : one(value);
};
