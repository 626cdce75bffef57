/**
 * Subscription routing maths for the supervisor: per-connection loads, effective capacities (the
 * configured capacity, lowered when a server answered 10305) and the choice of connection.
 *
 * The routing tables ({@link RoutingTables}: intents, per-connection loads, key counts, all grouped
 * by connection) are plain data kept in the supervisor's context and maintained incrementally, so
 * one routing decision costs O(connections), not O(subscriptions). {@link RoutingDraft} changes a
 * copy of the records of the connections an event touches, however many subscriptions it routes.
 *
 * @module
 */
import type { Subscription } from '../src/ws/contracts.js';

/** Where a wanted subscription lives. */
export interface Intent {
  readonly conn: number;
  /** Dedupe key (`book:tBTCUSD:P0:F0:25`): equal keys share a connection so 10301 can share the channel. */
  readonly key: string;
  /** What was asked for (sent again when the subscription moves to another connection). */
  readonly sub?: Subscription;
  /** The user unsubscribed: it counts until its connection says it ended, and is never moved again. */
  readonly ending?: true;
}

/**
 * The routing tables (plain data; `loads` and `keys` are derived from `intents`). Grouped by
 * connection, so a change copies the records of the connections it touches (a connection's share:
 * `capacity` intents at most), never the whole table: unsubscribing n subscriptions one by one is
 * O(n), not O(n²).
 */
export interface RoutingTables {
  /** By connection index: sub id → where it lives. */
  readonly intents: ReadonlyArray<Readonly<Record<string, Intent>>>;
  /** Intents per connection, by connection index. */
  readonly loads: readonly number[];
  /** By connection index: key → how many of its intents have that key. */
  readonly keys: ReadonlyArray<Readonly<Record<string, number>>>;
}

/** The records of a connection without intents (shared: records are copied before any change). */
const NONE: Readonly<Record<string, never>> = Object.freeze({});

/** What the routing decision looks at. */
export interface RoutingState extends RoutingTables {
  readonly connections: number;
  readonly capacity: number;
  /** Lowered capacities (10305 from the server), by connection index. */
  readonly limits: Readonly<Record<number, number>>;
  /** Connections that are gone for good. */
  readonly dead: readonly number[];
  /** Connections opened so far (0 … opened − 1); the others open when these are full. */
  readonly opened: number;
}

/** Empty routing tables for `connections` connections. */
export function emptyTables(connections: number): RoutingTables {
  return { intents: new Array(connections).fill(NONE), loads: new Array<number>(connections).fill(0), keys: new Array(connections).fill(NONE) };
}

/** The intent of `subId`, wherever it lives (O(connections): only those with intents are looked into). */
export function intentOf(tables: Pick<RoutingTables, 'intents' | 'loads'>, subId: string): Intent | undefined {
  const { intents, loads } = tables;
  for (let conn = 0; conn < loads.length; conn++) {
    if (loads[conn] === 0) continue;
    const intent = intents[conn]?.[subId];
    if (intent !== undefined) return intent;
  }
  return undefined;
}

/** Every intent as `[subId, intent]`, by connection index, then in the order they were placed. */
export function allIntents(tables: Pick<RoutingTables, 'intents'>): Array<[string, Intent]> {
  return tables.intents.flatMap((record) => Object.entries(record));
}

/** Subscriptions on connection `i` (not counting the intent `except`). */
export function loadOf(state: RoutingState, i: number, except?: string): number {
  const load = state.loads[i] ?? 0;
  return except !== undefined && state.intents[i]?.[except] !== undefined ? load - 1 : load;
}

/** Effective capacity of connection `i`. */
export function capacityOf(state: RoutingState, i: number): number {
  if (state.dead.includes(i)) return 0;
  return Math.min(state.capacity, state.limits[i] ?? Number.POSITIVE_INFINITY);
}

/**
 * The connection for a new subscription: the lowest-index one already carrying the same key if it
 * has room (so 10301 can share the channel), else the least-loaded opened connection with room
 * (lowest index on ties), else the first connection not opened yet that has room, else `null`
 * (full). `except` is left out of loads and keys (a re-route).
 */
export function pickConnection(state: RoutingState, key: string, exclude: readonly number[] = [], except?: string): number | null {
  const hasRoom = (i: number): boolean => !exclude.includes(i) && loadOf(state, i, except) < capacityOf(state, i);
  for (let conn = 0; conn < state.keys.length; conn++) {
    const same = state.keys[conn]?.[key];
    if (same === undefined) continue;
    const own = except !== undefined && state.intents[conn]?.[except]?.key === key ? 1 : 0;
    if (same - own > 0 && hasRoom(conn)) return conn;
  }
  let best: number | null = null;
  let bestLoad = 0;
  const opened = Math.min(state.opened, state.connections);
  for (let i = 0; i < opened; i++) {
    if (!hasRoom(i)) continue;
    const load = loadOf(state, i, except);
    if (best === null || load < bestLoad) {
      best = i;
      bestLoad = load;
    }
  }
  if (best !== null) return best;
  for (let i = opened; i < state.connections; i++) if (hasRoom(i)) return i;
  return null;
}

/** Total capacity left. */
export function totalCapacity(state: RoutingState): number {
  let total = 0;
  for (let i = 0; i < state.connections; i++) total += capacityOf(state, i);
  return total;
}

/**
 * A working copy of the routing tables for one event: a connection's records are copied on its
 * first change, then changed in place; {@link RoutingDraft.tables} gives the new tables (the input
 * tables are never mutated). Also a {@link RoutingState}, so decisions see earlier changes.
 */
export class RoutingDraft implements RoutingState {
  readonly connections: number;
  readonly capacity: number;
  readonly limits: Readonly<Record<number, number>>;
  readonly dead: readonly number[];
  #opened: number;
  #intents: Array<Record<string, Intent>>;
  #loads: number[];
  #keys: Array<Record<string, number>>;
  /** Connections whose records are already private copies (none yet: nothing copied). */
  readonly #own = new Set<number>();

  constructor(state: RoutingState, limits: Readonly<Record<number, number>> = state.limits) {
    this.connections = state.connections;
    this.capacity = state.capacity;
    this.limits = limits;
    this.dead = state.dead;
    this.#opened = state.opened;
    this.#intents = state.intents as Array<Record<string, Intent>>;
    this.#loads = state.loads as number[];
    this.#keys = state.keys as Array<Record<string, number>>;
  }

  /** Connections opened, counting those this draft routes to. */
  get opened(): number {
    return this.#opened;
  }

  get intents(): RoutingTables['intents'] {
    return this.#intents;
  }

  get loads(): readonly number[] {
    return this.#loads;
  }

  get keys(): RoutingTables['keys'] {
    return this.#keys;
  }

  /** The tables as they are now (plain data). */
  tables(): RoutingTables {
    return { intents: this.#intents, loads: this.#loads, keys: this.#keys };
  }

  /** Put (or move) `subId` on connection `conn` (a moved intent keeps its request). */
  set(subId: string, key: string, conn: number, sub?: Subscription): void {
    const old = intentOf(this, subId);
    const kept = sub ?? old?.sub;
    if (old !== undefined) this.#remove(subId, old);
    const { intents, keys } = this.#records(conn);
    intents[subId] = kept === undefined ? { conn, key } : { conn, key, sub: kept };
    keys[key] = (keys[key] ?? 0) + 1;
    this.#loads[conn] = (this.#loads[conn] ?? 0) + 1;
    if (conn >= this.#opened) this.#opened = conn + 1;
  }

  /** Mark `subId` as ending (the user unsubscribed); no-op when unknown. */
  end(subId: string): void {
    const old = intentOf(this, subId);
    if (old === undefined || old.ending) return;
    this.#records(old.conn).intents[subId] = { ...old, ending: true };
  }

  /** Forget `subId` (no-op when unknown). */
  delete(subId: string): void {
    const old = intentOf(this, subId);
    if (old !== undefined) this.#remove(subId, old);
  }

  #remove(subId: string, old: Intent): void {
    const { intents, keys } = this.#records(old.conn);
    delete intents[subId];
    const left = (keys[old.key] ?? 1) - 1;
    if (left > 0) keys[old.key] = left;
    else delete keys[old.key];
    this.#loads[old.conn] = (this.#loads[old.conn] ?? 1) - 1;
  }

  /** Connection `conn`'s records, private to this draft (copied on first use). */
  #records(conn: number): { intents: Record<string, Intent>; keys: Record<string, number> } {
    if (this.#own.size === 0) {
      this.#intents = this.#intents.slice();
      this.#loads = this.#loads.slice();
      this.#keys = this.#keys.slice();
    }
    if (!this.#own.has(conn)) {
      this.#own.add(conn);
      this.#intents[conn] = { ...this.#intents[conn] };
      this.#keys[conn] = { ...this.#keys[conn] };
    }
    return { intents: this.#intents[conn] ?? {}, keys: this.#keys[conn] ?? {} };
  }
}
