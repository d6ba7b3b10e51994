import type { EventBatchPreparer } from '@lotsen/messaging';

/**
 * Watches a service's batch preparer: the size of each batch it prepared (only those that
 * succeeded) and how often it was called, so a test can tell the set-based path really ran.
 */
export function watchPreparer(preparer: EventBatchPreparer) {
  const prepare = preparer.prepare.bind(preparer);
  const sizes: number[] = [];
  const spy = jest.spyOn(preparer, 'prepare').mockImplementation(async (events) => {
    await prepare(events);
    sizes.push(events.length);
  });
  return { sizes, calls: () => spy.mock.results.length, restore: () => spy.mockRestore() };
}
