/**
 * Runs `task` over `items` with at most `size` at once and stops taking new items once `signal`
 * aborts. Returns the items never taken, so the caller can count them as not started.
 */
export async function runPool<T>(
  items: readonly T[],
  size: number,
  task: (item: T) => Promise<void>,
  signal: AbortSignal,
): Promise<T[]> {
  let next = 0;
  const worker = async () => {
    while (!signal.aborted && next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(size, items.length)) }, worker));
  return items.slice(next);
}
