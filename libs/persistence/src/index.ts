export * from './data-source';
export * from './transaction-context';
export * from './database-admin';
export * from './db-errors';
export * from './persistence.module';
export * from './service-role';
export { prepared } from './prepared-statements';
export type { Statement } from './collected-writes';
export * from './returning-rows';
