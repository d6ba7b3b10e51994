export * from './define-config';
export * from './common-config';
