import 'reflect-metadata';
export * from './envelope';
export * from './event-types';
export * from './payloads';
export * from './registry';
export * from './vocabulary';
