export * from './test-env';
export * from './wait-for';
export * from './infrastructure-check';
export * from './tcp-proxy';
export * from './service-database';
export * from './plan-scans';
