import { defineConfig, readCommonConfig, ServiceCommonConfig } from '@lotsen/config';

export class ReportingConfig extends ServiceCommonConfig {}

export const loadReportingConfig = defineConfig(ReportingConfig, (env) => readCommonConfig(env, 'REPORTING', 3004));
