/**
 * Subscription routing maths for the supervisor: per-connection loads, effective capacities (the
 * configured capacity, lowered when a server answered 10305) and the choice of connection.
 *
 * The routing tables ({@link RoutingTables}: intents, per-connection loads, key index) are plain
 * data kept in the supervisor's context and maintained incrementally, so one routing decision costs
 * O(connections + subscriptions sharing its key), not O(subscriptions). {@link RoutingDraft} changes
 * a copy of them (copied once per event, however many subscriptions the event routes).
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

/** The routing tables (plain data; `loads` and `byKey` are derived from `intents`). */
export interface RoutingTables {
  /** Sub id → where it lives. */
  readonly intents: Readonly<Record<string, Intent>>;
  /** Intents per connection, by connection index. */
  readonly loads: readonly number[];
  /** Key → sub id → connection, for every intent (same relative order as `intents`). */
  readonly byKey: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

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
  return { intents: {}, loads: new Array<number>(connections).fill(0), byKey: {} };
}

/** Subscriptions on connection `i` (not counting the intent `except`). */
export function loadOf(state: RoutingState, i: number, except?: string): number {
  const load = state.loads[i] ?? 0;
  return except !== undefined && state.intents[except]?.conn === i ? load - 1 : load;
}

/** Effective capacity of connection `i`. */
export function capacityOf(state: RoutingState, i: number): number {
  if (state.dead.includes(i)) return 0;
  return Math.min(state.capacity, state.limits[i] ?? Number.POSITIVE_INFINITY);
}

/**
 * The connection for a new subscription: the one already carrying the same key if it has room
 * (the first such intent, in intent order), else the least-loaded opened connection with room
 * (lowest index on ties), else the first connection not opened yet that has room, else `null`
 * (full). `except` is left out of loads and keys (a re-route).
 */
export function pickConnection(state: RoutingState, key: string, exclude: readonly number[] = [], except?: string): number | null {
  const hasRoom = (i: number): boolean => !exclude.includes(i) && loadOf(state, i, except) < capacityOf(state, i);
  const sameKey = state.byKey[key];
  if (sameKey !== undefined) {
    for (const subId in sameKey) {
      const conn = sameKey[subId];
      if (subId !== except && conn !== undefined && hasRoom(conn)) return conn;
    }
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
 * A working copy of the routing tables for one event: the records are copied once (on the first
 * change), then changed in place; {@link RoutingDraft.tables} gives the new tables (the input
 * tables are never mutated). Also a {@link RoutingState}, so decisions see earlier changes.
 */
export class RoutingDraft implements RoutingState {
  readonly connections: number;
  readonly capacity: number;
  readonly limits: Readonly<Record<number, number>>;
  readonly dead: readonly number[];
  #opened: number;
  #intents: Record<string, Intent>;
  #loads: number[];
  #byKey: Record<string, Record<string, number>>;
  #copied = false;
  /** Keys whose inner record is already a private copy. */
  readonly #ownKeys = new Set<string>();

  constructor(state: RoutingState, limits: Readonly<Record<number, number>> = state.limits) {
    this.connections = state.connections;
    this.capacity = state.capacity;
    this.limits = limits;
    this.dead = state.dead;
    this.#opened = state.opened;
    this.#intents = state.intents as Record<string, Intent>;
    this.#loads = state.loads as number[];
    this.#byKey = state.byKey as Record<string, Record<string, number>>;
  }

  /** Connections opened, counting those this draft routes to. */
  get opened(): number {
    return this.#opened;
  }

  get intents(): Readonly<Record<string, Intent>> {
    return this.#intents;
  }

  get loads(): readonly number[] {
    return this.#loads;
  }

  get byKey(): Readonly<Record<string, Readonly<Record<string, number>>>> {
    return this.#byKey;
  }

  /** The tables as they are now (plain data). */
  tables(): RoutingTables {
    return { intents: this.#intents, loads: this.#loads, byKey: this.#byKey };
  }

  /**
   * Put (or move) `subId` on connection `conn`. A moved intent keeps its place in the order; one
   * given another key goes last (as a new intent), so the key index keeps the order of `intents`.
   */
  set(subId: string, key: string, conn: number, sub?: Subscription): void {
    const kept = sub ?? this.#intents[subId]?.sub;
    if (this.#intents[subId]?.key !== key) this.delete(subId);
    this.#copy();
    const old = this.#intents[subId];
    if (old !== undefined) this.#loads[old.conn] = (this.#loads[old.conn] ?? 0) - 1;
    this.#intents[subId] = kept === undefined ? { conn, key } : { conn, key, sub: kept };
    this.#loads[conn] = (this.#loads[conn] ?? 0) + 1;
    this.#keyRecord(key)[subId] = conn;
    if (conn >= this.#opened) this.#opened = conn + 1;
  }

  /** Mark `subId` as ending (the user unsubscribed); no-op when unknown. */
  end(subId: string): void {
    const old = this.#intents[subId];
    if (old === undefined || old.ending) return;
    this.#copy();
    this.#intents[subId] = { ...old, ending: true };
  }

  /** Forget `subId` (no-op when unknown). */
  delete(subId: string): void {
    const old = this.#intents[subId];
    if (old === undefined) return;
    this.#copy();
    delete this.#intents[subId];
    this.#loads[old.conn] = (this.#loads[old.conn] ?? 0) - 1;
    this.#unkey(old.key, subId);
  }

  #copy(): void {
    if (this.#copied) return;
    this.#copied = true;
    this.#intents = { ...this.#intents };
    this.#loads = [...this.#loads];
    this.#byKey = { ...this.#byKey };
  }

  #keyRecord(key: string): Record<string, number> {
    if (this.#ownKeys.has(key)) return this.#byKey[key] ?? {};
    const record: Record<string, number> = { ...this.#byKey[key] };
    this.#byKey[key] = record;
    this.#ownKeys.add(key);
    return record;
  }

  #unkey(key: string, subId: string): void {
    const record = this.#keyRecord(key);
    delete record[subId];
    let empty = true;
    for (const _ in record) {
      empty = false;
      break;
    }
    if (empty) {
      delete this.#byKey[key];
      this.#ownKeys.delete(key);
    }
  }
}
