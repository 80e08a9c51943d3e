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

/**
 * Ranges [start, end) already taken, answering "does this range overlap one of them?" without
 * walking them all: kept in order of start, a query looks only at ranges starting less than the
 * longest range's length before it. Rules used to test every taken range for every match, which a
 * paragraph with thousands of matches made quadratic.
 */
export class RangeSet {
  private readonly ranges: {start: number; end: number}[] = [];
  private longest = 0;

  add(range: {start: number; end: number}): void {
    const at = firstAtOrAfter(this.ranges, range.start + 1, (item) => item.start);
    if (at === this.ranges.length) this.ranges.push(range);
    else this.ranges.splice(at, 0, range);
    if (range.end - range.start > this.longest) this.longest = range.end - range.start;
  }

  /** Whether some range overlaps [start, end) (shares at least one position with it). */
  overlaps(range: {start: number; end: number}): boolean {
    for (let i = firstAtOrAfter(this.ranges, range.end, (item) => item.start) - 1; i >= 0; i--) {
      const item = this.ranges[i];
      if (item.start + this.longest <= range.start) break;
      if (item.end > range.start) return true;
    }
    return false;
  }
}
