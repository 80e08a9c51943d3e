// Binary search over arrays kept in order (sentences, tokens, paragraphs, findings), shared so each
// caller states only what it orders by.

/** The first index whose key is at or above `value` (items sorted by that key); `items.length` if none. */
export function firstAtOrAfter<T>(items: ArrayLike<T>, value: number, key: (item: T) => number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (key(items[mid]) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}
