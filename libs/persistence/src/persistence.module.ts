import { DynamicModule, Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createServiceDataSource, ServiceDataSourceOptions } from './data-source';
import { UnitOfWork } from './unit-of-work';

async function initializeWithRetry(ds: DataSource, logger: Logger): Promise<DataSource> {
  // Start even if Postgres is still coming up: keep trying with backoff rather than crash-looping.
  for (let attempt = 1; ; attempt++) {
    try {
      return await ds.initialize();
    } catch (err) {
      const delay = Math.min(5000, 200 * 2 ** attempt);
      logger.warn(`database not reachable (${(err as Error).message}); retry ${attempt} in ${delay} ms`);
      if (attempt >= 30) throw err;
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}

@Global()
@Module({})
export class PersistenceModule implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  static forRoot(options: ServiceDataSourceOptions): DynamicModule {
    return {
      module: PersistenceModule,
      providers: [
        {
          provide: DataSource,
          useFactory: () => initializeWithRetry(createServiceDataSource(options), new Logger('Persistence')),
        },
        { provide: UnitOfWork, useFactory: (ds: DataSource) => new UnitOfWork(ds), inject: [DataSource] },
      ],
      exports: [DataSource, UnitOfWork],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.ds.isInitialized) await this.ds.destroy();
  }
}
