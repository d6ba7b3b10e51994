import { defineConfig, readCommonConfig, ServiceCommonConfig } from '@lotsen/config';

export class RoutingConfig extends ServiceCommonConfig {}

export const loadRoutingConfig = defineConfig(RoutingConfig, (env) => readCommonConfig(env, 'ROUTING', 3002));
