/**
 * Runs `work` for each item with at most `limit` at once, in order of the items. Once `signal`
 * aborts, items not started are reported as skipped (never started), and those under way finish
 * with whatever their own abort made of them. Pure scheduling: no React, no network.
 */
export async function runPool<T>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<void>,
  options: { signal?: AbortSignal | undefined; onSkip?: (item: T, index: number) => void } = {},
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      const item = items[index] as T;
      if (options.signal?.aborted) options.onSkip?.(item, index);
      else await work(item, index);
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker);
  await Promise.all(workers);
}
