/**
 * History queries over time-ordered rows (REST `start`/`end`/`limit`/`sort`).
 *
 * @module
 */

import type { HistoryQuery } from '../contracts.js';

/**
 * Selects from `items` (oldest first) those with `start ≤ mts(item) ≤ end`, newest first unless
 * sort = 1, at most `limit` (default `defaultLimit`). With sort = 1 and no start, the newest
 * `limit` items are returned oldest first.
 */
export function selectHistory<T>(items: readonly T[], mts: (item: T) => number, query: HistoryQuery | undefined, defaultLimit: number): T[] {
  const limit = Math.max(0, query?.limit ?? defaultLimit);
  const start = query?.start ?? -Infinity;
  const end = query?.end ?? Infinity;
  const out: T[] = [];
  if (query?.sort === 1 && query.start !== undefined) {
    for (let i = 0; i < items.length && out.length < limit; i++) {
      const m = mts(items[i]);
      if (m >= start && m <= end) out.push(items[i]);
    }
    return out;
  }
  for (let i = items.length - 1; i >= 0 && out.length < limit; i--) {
    const m = mts(items[i]);
    if (m < start) break;
    if (m <= end) out.push(items[i]);
  }
  return query?.sort === 1 ? out.reverse() : out;
}
