type BatchUseCase = (events: unknown[]) => Promise<void>;

/**
 * Watches a batch handler's use-case (the method its EventBatchPattern handler calls with the
 * events): the size of each batch it handled (only those that succeeded) and how often it was
 * called, so a test can tell the set-based path really ran and no batch failed back to one by one.
 */
export function watchBatches<K extends string>(target: { [key in K]: (events: never[]) => Promise<void> }, method: K) {
  const holder = target as unknown as Record<K, BatchUseCase>;
  const original = holder[method];
  const sizes: number[] = [];
  let calls = 0;
  holder[method] = async function watched(this: unknown, events: unknown[]) {
    calls++;
    await original.call(this, events);
    sizes.push(events.length);
  };
  return { sizes, calls: () => calls, restore: () => { delete (holder as Partial<Record<K, BatchUseCase>>)[method]; } };
}
