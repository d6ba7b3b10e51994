import { Inject, Injectable, Logger } from '@nestjs/common';
import { NotificationsConfig } from '../notifications.config';
import { OptOutClaim, verifyOptOutToken } from './opt-out-token';
import { SuppressionsRepository } from './suppressions.repository';

/** The opt-out link: a signed token naming (tenant, address key); after it, nothing more is sent there. */
@Injectable()
export class OptOutService {
  private readonly logger = new Logger('OptOut');

  constructor(private readonly suppressions: SuppressionsRepository, @Inject(NotificationsConfig) private readonly config: NotificationsConfig) {}

  verify(token: string): OptOutClaim | undefined {
    return verifyOptOutToken(this.config.secret, token);
  }

  async state(claim: OptOutClaim): Promise<'active' | 'opted_out'> {
    return (await this.suppressions.reason(claim.tenantId, claim.addressKey)) ? 'opted_out' : 'active';
  }

  /** Idempotent: a second click changes nothing. */
  async optOut(claim: OptOutClaim): Promise<void> {
    await this.suppressions.add(claim.tenantId, claim.addressKey, 'opted_out', 'opt-out link');
    this.logger.log(`tenant ${claim.tenantId}: an address opted out`);
  }
}
