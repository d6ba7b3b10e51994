import { Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { installOpen311Http } from './open311-http';
import { Open311RequestsRepository } from './open311-requests.repository';
import { Open311Controller } from './open311.controller';
import { Open311Service } from './open311.service';

/**
 * Open311 GeoReport v2 under /open311/v2. Uses the intake providers IntakeModule exports
 * (InquiriesService, TenantsRepository, ServiceDefinitionsRepository).
 */
@Module({
  controllers: [Open311Controller],
  providers: [Open311Service, Open311RequestsRepository],
})
export class Open311Module implements OnModuleInit {
  constructor(private readonly host: HttpAdapterHost) {}

  /** Runs before Fastify is ready, so its hooks and the multipart parser apply to every route. */
  onModuleInit(): void {
    const instance = this.host.httpAdapter?.getInstance?.() as FastifyInstance | undefined;
    if (instance && typeof instance.addHook === 'function') installOpen311Http(instance);
  }
}
