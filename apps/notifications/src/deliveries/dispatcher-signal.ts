import { Injectable } from '@nestjs/common';
import type { ClaimedDelivery } from './deliveries.repository';

interface DispatcherHooks {
  nudge(): void;
  /** True while the dispatcher runs and has room for more sends. */
  accepting(): boolean;
  adopt(claimed: ClaimedDelivery[]): void;
}

/**
 * Between the planner and this instance's dispatcher: a nudge right after a commit that created
 * deliveries, or, while the dispatcher has room, the deliveries themselves, planned already
 * claimed for it (no claim round trip, no wait for its next round).
 */
@Injectable()
export class DispatcherSignal {
  private hooks?: DispatcherHooks;

  attach(hooks: DispatcherHooks): void {
    this.hooks = hooks;
  }

  nudge(): void {
    this.hooks?.nudge();
  }

  accepting(): boolean {
    return this.hooks?.accepting() ?? false;
  }

  adopt(claimed: ClaimedDelivery[]): void {
    this.hooks?.adopt(claimed);
  }
}
