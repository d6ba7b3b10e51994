// One SWC configuration for the build (scripts/build.js) and for jest, so tests run the same code.
module.exports = function swcOptions(extra = {}) {
  return {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      keepClassNames: true,
      ...extra.jsc,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
    ...extra.root,
  };
};
