import 'reflect-metadata';
import { startNotifications } from './bootstrap';
import { loadNotificationsConfig } from './notifications.config';

startNotifications(loadNotificationsConfig()).catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
