// A relative path: jest's globalSetup runs outside its module mapper, so no @lotsen alias here.
import { checkDependencies } from '../../platform/src/dependencies/check-dependencies';

export const TEST_PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_AMQP_URL = process.env.TEST_AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';

/** Says exactly what is missing instead of letting tests hang on a dead port. */
export function checkInfrastructure(): Promise<string[]> {
  return checkDependencies(TEST_PG_URL, TEST_AMQP_URL);
}
