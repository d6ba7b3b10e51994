import { Controller, DynamicModule, Get, Global, Module, Optional } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TerminusModule } from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { MessagingStatus } from '@lotsen/messaging';
import { Metrics, MetricsController } from '../metrics/metrics';
import { Public } from '../auth/api-key';
import { ProblemException } from '../problem/problem';

function timeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms))]);
}

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly ds: DataSource,
    @Optional() private readonly messaging?: MessagingStatus,
  ) {}

  /** The process is up (restart it if not). */
  @Get('live')
  live() {
    return { status: 'ok' };
  }

  /** Send traffic here only when the database and the broker are reachable. */
  @Get('ready')
  @HealthCheck()
  async ready() {
    try {
      return await this.health.check([
        async () => {
          const s = this.indicators.check('database');
          try {
            await timeout(this.ds.query('SELECT 1'), 2000);
            return s.up();
          } catch (err) {
            return s.down({ message: (err as Error).message });
          }
        },
        async () => {
          const s = this.indicators.check('broker');
          if (!this.messaging) return s.up({ note: 'not used' });
          const ok = await timeout(this.messaging.probe(), 3000).catch(() => false);
          return ok ? s.up({ consuming: this.messaging.consuming }) : s.down({ message: 'RabbitMQ not reachable' });
        },
      ]);
    } catch (err) {
      const details = (err as { response?: unknown }).response;
      throw ProblemException.of(503, 'not-ready', 'A dependency is not reachable.', { details });
    }
  }
}

@Global()
@Module({})
export class PlatformModule {
  static forRoot(service: string): DynamicModule {
    return {
      module: PlatformModule,
      imports: [TerminusModule.forRoot({ logger: false })],
      controllers: [HealthController, MetricsController],
      providers: [{ provide: 'SERVICE_NAME', useValue: service }, Metrics],
      exports: [Metrics, 'SERVICE_NAME'],
    };
  }
}

