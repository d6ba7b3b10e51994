import { AsyncLocalStorage } from 'async_hooks';
import { EventEnvelope } from '@lotsen/contracts';

const current = new AsyncLocalStorage<EventEnvelope>();

/** The event being handled, so events published while handling it inherit its correlation. */
export const EventContext = {
  run<T>(event: EventEnvelope, fn: () => Promise<T>): Promise<T> {
    return current.run(event, fn);
  },
  get(): EventEnvelope | undefined {
    return current.getStore();
  },
};
