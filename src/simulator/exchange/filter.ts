/**
 * The WebSocket auth `filter`: `trading`, `trading-tSYM`, `funding`, `funding-fSYM`, `wallet`,
 * `wallet-<type>-<CCY>`, `balance`, `notify`, `algo`. Filtered-out streams are neither in the
 * snapshot nor delivered later. No filter (or an empty one) lets everything through.
 *
 * @module
 */
import type { AccountFrame } from '../contracts.js';

const STREAMS: Readonly<Record<string, string>> = {
  os: 'trading', on: 'trading', ou: 'trading', oc: 'trading', te: 'trading', tu: 'trading',
  ps: 'trading', pn: 'trading', pu: 'trading', pc: 'trading',
  fos: 'funding', fon: 'funding', fou: 'funding', foc: 'funding', fcs: 'funding', fcn: 'funding',
  fcu: 'funding', fcc: 'funding', fls: 'funding', fln: 'funding', flu: 'funding', flc: 'funding',
  fte: 'funding', ftu: 'funding', fiu: 'funding',
  ws: 'wallet', wu: 'wallet',
  bu: 'balance', miu: 'balance',
  n: 'notify',
};

const SNAPSHOTS = new Set(['os', 'ps', 'fos', 'fcs', 'fls', 'ws']);

/** The stream (`trading`, `funding`, `wallet`, `balance`, `notify`) a frame type belongs to. */
export function frameStream(type: string): string | undefined {
  return STREAMS[type];
}

/** The symbol key of one model row for per-symbol filters (`tBTCUSD`, `fUSD`, `exchange-BTC`). */
function rowKey(type: string, row: unknown): string | undefined {
  if (!Array.isArray(row)) return undefined;
  const stream = STREAMS[type];
  if (stream === 'wallet') return `${String(row[0])}-${String(row[1])}`;
  if (type.startsWith('o')) return typeof row[3] === 'string' ? row[3] : undefined;
  if (type.startsWith('p')) return typeof row[0] === 'string' ? row[0] : undefined;
  if (type === 'miu' || type === 'bu') return undefined;
  return typeof row[1] === 'string' ? row[1] : undefined;
}

function rowMatches(type: string, row: unknown, filter: readonly string[]): boolean {
  const stream = STREAMS[type];
  if (stream === undefined) return true;
  if (filter.includes(stream)) return true;
  const key = rowKey(type, row);
  return key !== undefined && filter.includes(`${stream}-${key}`);
}

/**
 * Does an account frame pass the auth filter? Frames of unknown streams (e.g. `hb`) always pass.
 * Snapshot frames pass when their stream (or any per-symbol filter of it) is selected; use
 * {@link narrowFrame} to also drop the snapshot rows of unselected symbols.
 */
export function frameMatchesFilter(frame: AccountFrame, filter?: readonly string[]): boolean {
  if (filter === undefined || filter.length === 0) return true;
  const [type, data] = frame;
  const stream = STREAMS[type];
  if (stream === undefined) return true;
  if (SNAPSHOTS.has(type)) return filter.some((f) => f === stream || f.startsWith(`${stream}-`));
  return rowMatches(type, data, filter);
}

/** The frame as the filter lets it through (snapshot rows narrowed), or undefined when filtered out. */
export function narrowFrame(frame: AccountFrame, filter?: readonly string[]): AccountFrame | undefined {
  if (!frameMatchesFilter(frame, filter)) return undefined;
  const [type, data] = frame;
  if (filter === undefined || filter.length === 0 || !SNAPSHOTS.has(type) || !Array.isArray(data)) return frame;
  return [type, data.filter((row) => rowMatches(type, row, filter))];
}
