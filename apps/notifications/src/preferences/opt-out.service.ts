import { Inject, Injectable, Logger } from '@nestjs/common';
import { maskAddress } from '../channels';
import { NotificationsConfig } from '../notifications.config';
import { OptOutClaim, verifyOptOutToken } from './opt-out-token';
import { SuppressionsRepository } from './suppressions.repository';

/**
 * The opt-out link: a signed token naming (tenant, address key); after it, no automated message is
 * sent there. Answers staff write to the citizen's own questions still are (see suppression-scope).
 */
@Injectable()
export class OptOutService {
  private readonly logger = new Logger('OptOut');

  constructor(private readonly suppressions: SuppressionsRepository, @Inject(NotificationsConfig) private readonly config: NotificationsConfig) {}

  verify(token: string): OptOutClaim | undefined {
    return verifyOptOutToken(this.config.secret, token);
  }

  async state(claim: OptOutClaim): Promise<'active' | 'opted_out'> {
    return (await this.suppressions.optedOut(claim.tenantId, claim.addressKey)) ? 'opted_out' : 'active';
  }

  /** Idempotent: a second click changes nothing. */
  async optOut(claim: OptOutClaim): Promise<void> {
    const maskedAddress = await this.suppressions.maskedAddressOf(claim.tenantId, claim.addressKey, maskAddress);
    await this.suppressions.add(claim.tenantId, claim.addressKey, 'opted_out', { detail: 'opt-out link', maskedAddress });
    this.logger.log(`tenant ${claim.tenantId}: an address opted out`);
  }
}
