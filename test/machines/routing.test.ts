/**
 * The incremental routing tables (intents + loads + key counts, grouped by connection) against the
 * routing rule written the obvious O(n) way: same decisions, derived tables always in step, inputs
 * never mutated, and a change copies only the records of the connections it touches.
 */
import { describe, expect, it } from 'vitest';
import { allIntents, emptyTables, intentOf, pickConnection, RoutingDraft, type RoutingState, type RoutingTables } from '../../machines/routing.js';

/** The rule written the obvious way: walk every intent for loads and for the lowest same-key connection with room. */
function reference(state: RoutingState, key: string, exclude: readonly number[] = [], except?: string): number | null {
  const load = new Array<number>(state.connections).fill(0);
  const intents = allIntents(state);
  for (const [subId, it] of intents) if (subId !== except) load[it.conn] = (load[it.conn] ?? 0) + 1;
  const cap = (i: number): number => (state.dead.includes(i) ? 0 : Math.min(state.capacity, state.limits[i] ?? Number.POSITIVE_INFINITY));
  const hasRoom = (i: number): boolean => !exclude.includes(i) && (load[i] ?? 0) < cap(i);
  const sharing = intents.filter(([subId, it]) => subId !== except && it.key === key && hasRoom(it.conn)).map(([, it]) => it.conn);
  if (sharing.length > 0) return Math.min(...sharing);
  let best: number | null = null;
  for (let i = 0; i < state.opened; i++) if (hasRoom(i) && (best === null || (load[i] ?? 0) < (load[best] ?? 0))) best = i;
  if (best !== null) return best;
  // Lazy connections: the next one opens only when every opened one is full.
  for (let i = state.opened; i < state.connections; i++) if (hasRoom(i)) return i;
  return null;
}

/** `loads` and `keys` recomputed from `intents`. */
function derived(tables: Pick<RoutingTables, 'intents'>, connections: number): Omit<RoutingTables, 'intents'> {
  const loads = new Array<number>(connections).fill(0);
  const keys = Array.from({ length: connections }, (): Record<string, number> => ({}));
  for (const [, it] of allIntents(tables)) {
    loads[it.conn] = (loads[it.conn] ?? 0) + 1;
    const own = keys[it.conn] ?? {};
    own[it.key] = (own[it.key] ?? 0) + 1;
  }
  return { loads, keys };
}

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Integer-like ids too: objects list those first, so the key index must follow the same order.
const SUB_IDS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', '1', '2', '10', '7', 'x9', 'y', 'z', 'q'];
const KEYS = ['ticker:A', 'ticker:B', 'ticker:C', 'book:A'];

describe('routing tables', () => {
  it('decide exactly like the O(n) rule, with loads and the key index kept in step (random walks)', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const rnd = prng(seed);
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
      const connections = 1 + Math.floor(rnd() * 4);
      let state: RoutingState = {
        connections,
        capacity: 1 + Math.floor(rnd() * 4),
        limits: rnd() < 0.3 ? { 0: Math.floor(rnd() * 3) } : {},
        dead: rnd() < 0.2 ? [connections - 1] : [],
        opened: 1 + Math.floor(rnd() * connections),
        ...emptyTables(connections),
      };
      for (let step = 0; step < 80; step++) {
        const before = JSON.stringify(state);
        // One draft for a few changes (like a batch), sometimes just one (like a single event).
        const draft = new RoutingDraft(state);
        const changes = rnd() < 0.5 ? 1 : 1 + Math.floor(rnd() * 5);
        for (let c = 0; c < changes; c++) {
          const subId = pick(SUB_IDS);
          const key = pick(KEYS);
          const exclude = rnd() < 0.3 ? [Math.floor(rnd() * connections)] : [];
          const except = rnd() < 0.3 ? pick(SUB_IDS) : undefined;
          const conn = pickConnection(draft, key, exclude, except);
          expect(conn, `seed ${seed} step ${step}`).toBe(reference(draft, key, exclude, except));
          if (rnd() < 0.35 || conn === null) draft.delete(subId);
          else draft.set(subId, rnd() < 0.5 ? (intentOf(draft, subId)?.key ?? key) : key, conn);
        }
        expect(JSON.stringify(state), 'the input tables are never mutated').toBe(before);
        expect(draft.opened, 'a draft opens connections in index order').toBeGreaterThanOrEqual(state.opened);
        state = { ...state, ...draft.tables(), opened: draft.opened };
        state.intents.forEach((record, conn) => Object.values(record).forEach((it) => expect(it.conn).toBe(conn)));
        for (const [, it] of allIntents(state)) expect(it.conn).toBeLessThan(state.opened);
        const again = derived(state, connections);
        expect(state.loads).toEqual(again.loads);
        expect(state.keys).toEqual(again.keys);
        expect([state.intents.length, state.keys.length], 'one record per connection').toEqual([connections, connections]);
      }
    }
  });

  it('a move takes the intent and its key count along; a change copies only the connections it touches', () => {
    const state: RoutingState = { connections: 3, capacity: 2, limits: {}, dead: [], opened: 3, ...emptyTables(3) };
    const first = new RoutingDraft(state);
    first.set('s1', 'ticker:A', 0);
    first.set('s2', 'ticker:A', 1);
    first.set('s3', 'ticker:B', 0);
    first.set('s1', 'ticker:A', 2);
    expect(first.intents).toEqual([{ s3: { conn: 0, key: 'ticker:B' } }, { s2: { conn: 1, key: 'ticker:A' } }, { s1: { conn: 2, key: 'ticker:A' } }]);
    expect(first.keys).toEqual([{ 'ticker:B': 1 }, { 'ticker:A': 1 }, { 'ticker:A': 1 }]);
    expect(first.loads).toEqual([1, 1, 1]);
    const placed = { ...state, ...first.tables() };
    const draft = new RoutingDraft(placed);
    draft.delete('s3');
    draft.delete('unknown');
    draft.end('s2');
    expect(draft.tables()).toEqual({
      intents: [{}, { s2: { conn: 1, key: 'ticker:A', ending: true } }, { s1: { conn: 2, key: 'ticker:A' } }],
      loads: [0, 1, 1],
      keys: [{}, { 'ticker:A': 1 }, { 'ticker:A': 1 }],
    });
    // Connection 2 was not touched: its records are the very same objects (structural sharing).
    expect(draft.intents[2]).toBe(placed.intents[2]);
    expect(draft.keys[2]).toBe(placed.keys[2]);
    expect(placed.intents[0]).toEqual({ s3: { conn: 0, key: 'ticker:B' } });
    expect(state.intents).toEqual([{}, {}, {}]);
    expect(state.loads).toEqual([0, 0, 0]);
  });

  it('opens the next connection only when every opened one is full', () => {
    const state: RoutingState = { connections: 3, capacity: 2, limits: {}, dead: [], opened: 1, ...emptyTables(3) };
    const draft = new RoutingDraft(state);
    const placed: Array<number | null> = [];
    for (const id of ['a', 'b', 'c', 'd', 'e', 'f', 'g']) {
      const conn = pickConnection(draft, `ticker:${id}`);
      placed.push(conn);
      if (conn !== null) draft.set(id, `ticker:${id}`, conn);
    }
    expect(placed).toEqual([0, 0, 1, 1, 2, 2, null]);
    expect(draft.opened).toBe(3);
    expect(state.opened).toBe(1);
  });
});
