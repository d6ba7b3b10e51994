export * from './define-config';
export * from './common-config';
export * from './dev-data';
export * from './secrets';
