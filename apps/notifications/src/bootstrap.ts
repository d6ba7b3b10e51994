import { RunningService, startHttpService } from '@lotsen/platform';
import { NotificationsConfig } from './notifications.config';
import { NotificationsModule } from './notifications.module';

// The survey and opt-out pages post plain HTML forms: Nest's Fastify adapter parses
// application/x-www-form-urlencoded out of the box.
export function startNotifications(config: NotificationsConfig): Promise<RunningService> {
  return startHttpService(NotificationsModule.forRoot(config), {
    service: 'notifications',
    title: 'Lotsen notifications',
    description: 'Receipts, status updates, answers and satisfaction surveys to citizens.',
    logLevel: config.logLevel,
    port: config.port,
    host: config.host,
    consumer: true,
  });
}
