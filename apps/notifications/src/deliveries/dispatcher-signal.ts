import { Injectable } from '@nestjs/common';

/** Wakes this instance's dispatcher right after a commit that created deliveries. */
@Injectable()
export class DispatcherSignal {
  private listener?: () => void;

  onNudge(listener: () => void): void {
    this.listener = listener;
  }

  nudge(): void {
    this.listener?.();
  }
}
