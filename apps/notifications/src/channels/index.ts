export * from './types';
export * from './email';
export * from './sms';
export * from './mask';
