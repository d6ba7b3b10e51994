import { AsyncLocalStorage } from 'async_hooks';
import { EventEnvelope } from '@lotsen/contracts';

/** The event being handled, or the batch a batch handler was called with (no single cause). */
const current = new AsyncLocalStorage<EventEnvelope | EventEnvelope[]>();

/** The event being handled, so events published while handling it inherit its correlation. */
export const EventContext = {
  run<T>(event: EventEnvelope, fn: () => Promise<T>): Promise<T> {
    return current.run(event, fn);
  },
  /** A batch handler's call: publishing needs one event's context (each). */
  runBatch<T>(events: EventEnvelope[], fn: () => Promise<T>): Promise<T> {
    return current.run(events, fn);
  },
  /** A batch handler's per-event work, one event after another, each under its own context. */
  async each<E extends EventEnvelope>(events: E[], fn: (event: E, index: number) => Promise<void>): Promise<void> {
    for (let i = 0; i < events.length; i++) await current.run(events[i], () => fn(events[i], i));
  },
  get(): EventEnvelope | undefined {
    const store = current.getStore();
    return Array.isArray(store) ? undefined : store;
  },
  /** In a batch handler's call but outside EventContext.each: no event to be the cause. */
  inBatch(): boolean {
    return Array.isArray(current.getStore());
  },
};
