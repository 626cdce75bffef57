/**
 * Subscription routing maths for the supervisor: per-connection loads, effective capacities (the
 * configured capacity, lowered when a server answered 10305) and the choice of connection.
 *
 * @module
 */

/** Where a wanted subscription lives. */
export interface Intent {
  readonly conn: number;
  /** Dedupe key (`book:tBTCUSD:P0:F0:25`): equal keys share a connection so 10301 can share the channel. */
  readonly key: string;
}

/** What the routing decision looks at. */
export interface RoutingState {
  readonly connections: number;
  readonly capacity: number;
  /** Lowered capacities (10305 from the server), by connection index. */
  readonly limits: Readonly<Record<number, number>>;
  /** Connections that are gone for good. */
  readonly dead: readonly number[];
  readonly intents: Readonly<Record<string, Intent>>;
}

/** Subscriptions per connection. */
export function loads(state: RoutingState, except?: string): number[] {
  const out = new Array<number>(state.connections).fill(0);
  for (const [subId, intent] of Object.entries(state.intents)) if (subId !== except) out[intent.conn] = (out[intent.conn] ?? 0) + 1;
  return out;
}

/** Effective capacity of connection `i`. */
export function capacityOf(state: RoutingState, i: number): number {
  if (state.dead.includes(i)) return 0;
  return Math.min(state.capacity, state.limits[i] ?? Number.POSITIVE_INFINITY);
}

/**
 * The connection for a new subscription: the one already carrying the same key if it has room,
 * else the least-loaded connection with room (lowest index on ties), else `null` (full).
 */
export function pickConnection(state: RoutingState, key: string, exclude: readonly number[] = [], except?: string): number | null {
  const load = loads(state, except);
  const hasRoom = (i: number): boolean => !exclude.includes(i) && load[i] < capacityOf(state, i);
  for (const [subId, intent] of Object.entries(state.intents)) {
    if (subId !== except && intent.key === key && hasRoom(intent.conn)) return intent.conn;
  }
  let best: number | null = null;
  for (let i = 0; i < state.connections; i++) {
    if (hasRoom(i) && (best === null || load[i] < load[best])) best = i;
  }
  return best;
}

/** Total capacity left. */
export function totalCapacity(state: RoutingState): number {
  let total = 0;
  for (let i = 0; i < state.connections; i++) total += capacityOf(state, i);
  return total;
}
