/** `npm run migrate`: brings every service's schema up to date (owner role). */
import { DEFAULT_DATABASE_URL } from '@lotsen/config';
import { migrateAll } from './setup/migrate-all';

migrateAll(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL, (l) => console.log(l)).catch((err) => {
  console.error(err);
  process.exit(1);
});
