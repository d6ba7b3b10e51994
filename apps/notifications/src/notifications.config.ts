import { defineConfig, readCommonConfig, ServiceCommonConfig } from '@lotsen/config';

export class NotificationsConfig extends ServiceCommonConfig {}

export const loadNotificationsConfig = defineConfig(NotificationsConfig, (env) => readCommonConfig(env, 'NOTIFICATIONS', 3003));
