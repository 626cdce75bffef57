/**
 * The connection budget's arithmetic, as pure functions over plain data: which waiting handshake
 * requests can have a token now, and when the next one can. A key (one host and path) keeps the
 * times of the handshakes it granted; a request with limit `{ count, windowMs }` is granted when
 * fewer than `count` of them fall in the last `windowMs` (plus a small margin), which is exactly
 * what the server counts, so the budget never spends more than the server allows. A key blocked by
 * an HTTP 429 grants nothing until the block ends.
 *
 * @module
 */
import { CONNECTION_BUDGET_MARGIN_MS, type ConnectionLimit } from '../src/defaults.js';

/** Which limit a handshake falls under. */
export type BudgetKind = 'public' | 'auth';

/** One handshake waiting for its token (plain data but the requester's ref). */
export interface TokenRequest<Ref = unknown> {
  /** The connection asking (gets `TOKEN.GRANTED`). */
  readonly requester: Ref;
  /** The requester's ticket (it ignores grants for older tickets). */
  readonly ticket: number;
  /** Host and path (`wss://api.bitfinex.com/ws/2`). */
  readonly key: string;
  /** Which limit it falls under (for the events and logs). */
  readonly kind: BudgetKind;
  readonly limit: ConnectionLimit;
  /** The system it belongs to. */
  readonly group: string;
  /** Its system's authenticated connection: goes first, and the group's others wait while it waits. */
  readonly first: boolean;
  /** Not before this time (the end of the requester's backoff). */
  readonly notBefore: number;
  /** Arrival order. */
  readonly seq: number;
}

/** What the budget remembers per key. */
export interface BudgetState<Ref = unknown> {
  /** Grant times per key (ascending, pruned to the longest window asked for). */
  readonly hits: Readonly<Record<string, readonly number[]>>;
  /** Key → time until which it is blocked (HTTP 429). */
  readonly blockedUntil: Readonly<Record<string, number>>;
  /** Waiting requests, in arrival order. */
  readonly queue: ReadonlyArray<TokenRequest<Ref>>;
}

/** The outcome of one pass. */
export interface BudgetPass<Ref> extends BudgetState<Ref> {
  /** Granted now, in grant order. */
  readonly granted: ReadonlyArray<TokenRequest<Ref>>;
  /** When the next waiting request may be granted (null when none waits). */
  readonly wakeAt: number | null;
}

/** The margin kept beyond a window. */
export const marginOf = (limit: ConnectionLimit): number => Math.min(CONNECTION_BUDGET_MARGIN_MS, limit.windowMs / 20);

/** Authenticated connections first, then arrival order. */
const byPriority = <Ref>(a: TokenRequest<Ref>, b: TokenRequest<Ref>): number => (a.first === b.first ? a.seq - b.seq : a.first ? -1 : 1);

/**
 * Grant every request that may go now (authenticated connections first; a group's other requests
 * wait while that group's authenticated connection waits), and say when to look again. `alive` drops the
 * requests of connections that are gone.
 */
export function passBudget<Ref>(state: BudgetState<Ref>, now: number, alive: (ref: Ref) => boolean): BudgetPass<Ref> {
  const hits: Record<string, number[]> = {};
  for (const key in state.hits) hits[key] = [...(state.hits[key] ?? [])];
  const granted: TokenRequest<Ref>[] = [];
  const waiting: TokenRequest<Ref>[] = [];
  const firstWaiting = new Set<string>();
  let wakeAt: number | null = null;
  const wake = (at: number): void => {
    wakeAt = wakeAt === null ? at : Math.min(wakeAt, at);
  };
  for (const request of [...state.queue].sort(byPriority)) {
    if (!alive(request.requester)) continue;
    const hold = !request.first && firstWaiting.has(request.group);
    const until = Math.max(request.notBefore, state.blockedUntil[request.key] ?? 0);
    const spent = hits[request.key] ?? [];
    const since = now - request.limit.windowMs - marginOf(request.limit);
    const inWindow = spent.filter((t) => t > since);
    if (!hold && until <= now && inWindow.length < request.limit.count) {
      spent.push(now);
      hits[request.key] = spent;
      granted.push(request);
      continue;
    }
    waiting.push(request);
    if (request.first) firstWaiting.add(request.group);
    if (hold) continue;
    if (until > now) wake(until);
    else wake((inWindow[inWindow.length - request.limit.count] ?? now) + request.limit.windowMs + marginOf(request.limit) + 1);
  }
  // Keep the order of arrival for the next pass.
  waiting.sort((a, b) => a.seq - b.seq);
  return { hits: prune(hits, now), blockedUntil: state.blockedUntil, queue: waiting, granted, wakeAt };
}

/** Longer than any window a limit may have (at most 10 minutes, checked by the options) plus its margin. */
const KEEP_MS = 11 * 60_000;

/** Drop grant times older than anything a limit can look at (and keys left empty). */
function prune(hits: Record<string, number[]>, now: number): Record<string, readonly number[]> {
  const out: Record<string, readonly number[]> = {};
  for (const key in hits) {
    const kept = (hits[key] ?? []).filter((t) => t > now - KEEP_MS);
    if (kept.length > 0) out[key] = kept;
  }
  return out;
}

/** The budget key of a URL: its origin and path, without the query. */
export function budgetKeyOf(url: string): string {
  const q = url.search(/[?#]/);
  return q < 0 ? url : url.slice(0, q);
}
