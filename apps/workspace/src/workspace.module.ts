import { DynamicModule, Module } from '@nestjs/common';
import { MessagingModule } from '@lotsen/messaging';
import { PersistenceModule } from '@lotsen/persistence';
import { PlatformModule } from '@lotsen/platform';
import { AuthController } from './auth/auth.controller';
import { RelyingParty } from './auth/relying-party';
import { LiveHub } from './live/live-hub';
import { LiveController } from './live/live.controller';
import { LiveHandler } from './live/live.handler';
import { workspaceMigrations } from './migrations';
import { ProxyController } from './proxy/proxy.controller';
import { UpstreamClient } from './proxy/upstream';
import { CurrentSession } from './sessions/current-session';
import { SessionHousekeeping } from './sessions/session-housekeeping';
import { SessionService } from './sessions/session.service';
import { SessionsRepository } from './sessions/sessions.repository';
import { SpaController } from './spa/spa.controller';
import { SpaFiles } from './spa/spa-files';
import { WorkspaceConfig } from './workspace.config';

/**
 * The staff workspace's backend-for-frontend: sign-in sessions, the application, calls to the
 * four services as the signed-in person, and live updates from its own queue. It keeps no
 * citizen data.
 */
@Module({})
export class WorkspaceModule {
  static forRoot(config: WorkspaceConfig): DynamicModule {
    return {
      module: WorkspaceModule,
      imports: [
        PlatformModule.forRoot('workspace'),
        PersistenceModule.forRoot({ url: config.database.url, schema: 'workspace', migrations: workspaceMigrations, poolSize: config.database.poolSize }),
        // The live queue only: handlers forward to open browsers (no inbox row: a repeat is a harmless reload), nothing is published.
        MessagingModule.forRoot({ service: 'workspace', schema: 'workspace', broker: config.broker, consumerPurpose: 'live', idempotentHandlers: true, relay: false }),
      ],
      controllers: [AuthController, ProxyController, LiveController, LiveHandler, SpaController],
      providers: [
        { provide: WorkspaceConfig, useValue: config },
        RelyingParty, SessionsRepository, SessionService, CurrentSession, SessionHousekeeping,
        UpstreamClient, LiveHub, SpaFiles,
      ],
    };
  }
}
