export * from './municipality';
