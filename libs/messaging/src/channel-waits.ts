import type { Channel } from 'amqplib';

/** A wait on a channel that ended without its answer: the channel closed, or the time ran out. */
export class ChannelWaitError extends Error {
  constructor(message: string, readonly code?: number, readonly timedOut = false) {
    super(message);
  }
}

/**
 * Follows one channel's end: `closed` is set once it closed, `reason` holds the broker's error if
 * it closed the channel (amqplib emits `error` with the AMQP reply code before `close`).
 */
export class ChannelWatch {
  closed = false;
  reason?: ChannelWaitError;
  private readonly listeners = new Set<(err: ChannelWaitError) => void>();

  constructor(readonly channel: Channel) {
    channel.on('error', (err: Error & { code?: number }) => {
      this.reason = new ChannelWaitError(err.message, typeof err.code === 'number' ? err.code : undefined);
    });
    channel.on('close', () => {
      this.closed = true;
      const err = this.reason ?? new ChannelWaitError('channel closed');
      for (const l of this.listeners) l(err);
      this.listeners.clear();
    });
  }

  /**
   * `work`, unless the channel closes first (rejects with why) or `ms` pass (rejects, timedOut):
   * no wait on a channel outlives it or the given time.
   */
  bounded<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
    if (this.closed) {
      work.catch(() => undefined);
      return Promise.reject(this.reason ?? new ChannelWaitError('channel closed'));
    }
    let timer: NodeJS.Timeout | undefined;
    let onClose: ((err: ChannelWaitError) => void) | undefined;
    const ended = new Promise<never>((_, reject) => {
      onClose = reject;
      this.listeners.add(onClose);
      timer = setTimeout(() => reject(new ChannelWaitError(`${what} timed out after ${ms} ms`, undefined, true)), ms);
    });
    work.catch(() => undefined);
    return Promise.race([work, ended]).finally(() => {
      clearTimeout(timer);
      if (onClose) this.listeners.delete(onClose);
    });
  }

  /** Until the channel's write buffer drained (after a publish returned false). */
  drained(ms: number): Promise<void> {
    let onDrain: (() => void) | undefined;
    const drain = new Promise<void>((resolve) => {
      onDrain = resolve;
      this.channel.once('drain', resolve);
    });
    return this.bounded(drain, ms, 'channel drain').finally(() => {
      if (onDrain) this.channel.removeListener('drain', onDrain);
    });
  }
}
