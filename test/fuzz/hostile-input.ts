import fc from 'fast-check';

// What attackers and broken clients send that ordinary generators rarely produce: control
// characters and NUL, UTF-16 surrogates without their pair, keys that reach a prototype, arrays
// where an object belongs, and deep nesting. Every fuzz spec mixes these into its own inputs.

/** C0 and C1 controls, DEL, NUL, line and paragraph separators, BOM, bidi overrides. */
export const controlChar = fc.oneof(
  fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)),
  fc.constantFrom('\u0000', '\u007f', '\u0085', '\u2028', '\u2029', '\ufeff', '\u202e', '\u200b'),
);

/** A high or low surrogate on its own (no UTF-8 form exists for it). */
export const loneSurrogate = fc.oneof(
  fc.integer({ min: 0xd800, max: 0xdbff }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0xdc00, max: 0xdfff }).map((c) => String.fromCharCode(c)),
);

export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'] as const;
export const prototypeKey = fc.constantFrom(...PROTOTYPE_KEYS, 'hasOwnProperty', 'toString', '__defineGetter__', 'valueOf');

/** Text with hostile characters among ordinary ones (and sometimes nothing but them). */
export const hostileString = (maxLength = 60) => fc.string({
  unit: fc.oneof({ weight: 3, arbitrary: fc.string({ minLength: 1, maxLength: 1 }) }, controlChar, loneSurrogate, fc.constantFrom('ä', '💡', 'ش')),
  maxLength,
});

/** An object or array nested `depth` levels deep. */
export const deeplyNested = fc.tuple(fc.integer({ min: 20, max: 400 }), fc.boolean()).map(([depth, arrays]) => {
  let v: unknown = 'leaf';
  for (let i = 0; i < depth; i++) v = arrays ? [v] : { a: v };
  return v;
});

/**
 * An object that owns a prototype key, as JSON.parse builds it from a body: a literal
 * `{ __proto__: … }` would set the prototype instead of a key, and JSON.stringify would drop it.
 */
export const withPrototypeKey = (base: fc.Arbitrary<Record<string, unknown>>) => fc.tuple(base, fc.constantFrom(...PROTOTYPE_KEYS), fc.anything({ maxDepth: 1 }))
  .map(([obj, key, value]) => {
    const copy: Record<string, unknown> = { ...obj };
    Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
    return copy;
  });

/** Where an object belongs: arrays of it, of nothing, of arrays. */
export const arrayForObject = (object: fc.Arbitrary<unknown>) => fc.oneof(
  fc.constant([]),
  object.map((o) => [o]),
  fc.array(fc.array(object, { maxLength: 2 }), { maxLength: 2 }),
);

/** Anything hostile, for a value of any field. */
export const hostileValue = fc.oneof(
  hostileString(),
  deeplyNested,
  arrayForObject(fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 })),
  withPrototypeKey(fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 2 })),
);
