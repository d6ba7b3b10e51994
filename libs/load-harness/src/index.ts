export * from './harness';
export * from './cpu-meter';
export * from './reporting-events';
