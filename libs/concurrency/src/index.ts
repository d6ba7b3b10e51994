export * from './round-trip-batcher';
export * from './wakeable-loop';
