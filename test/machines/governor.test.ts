/**
 * The connection budget: the arithmetic (sliding window per key, a 429 block, authenticated
 * connections first, backoff ends honoured) and the governor actor driving real connection and
 * supervisor machines over fake sockets, on fake timers.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createActor } from 'xstate';
import { passBudget, type BudgetState, type TokenRequest } from '../../machines/budget.js';
import { governorMachine } from '../../machines/governor.machine.js';
import { CLOSE_HTTP_REFUSED } from '../../src/platform/socket-types.js';
import { createFakeSockets, ticker } from './fake-socket.js';
import { startSupervisor } from './supervisor-harness.js';

const LIMIT = { count: 3, windowMs: 1_000 };
const MARGIN = 50; // min(1 s, window / 20)

const request = (seq: number, over: Partial<TokenRequest<string>> = {}): TokenRequest<string> => ({
  requester: `r${seq}`,
  ticket: 1,
  key: 'wss://h/ws/2',
  kind: 'public',
  limit: LIMIT,
  group: 'g',
  first: false,
  notBefore: 0,
  seq,
  ...over,
});
const empty: BudgetState<string> = { hits: {}, blockedUntil: {}, queue: [] };
const alive = () => true;

describe('connection budget arithmetic', () => {
  it('grants count per window, then wakes when the oldest grant leaves the window (plus the margin)', () => {
    const queue = [0, 1, 2, 3, 4].map((i) => request(i));
    const first = passBudget({ ...empty, queue }, 10_000, alive);
    expect(first.granted.map((r) => r.requester)).toEqual(['r0', 'r1', 'r2']);
    expect(first.queue.map((r) => r.requester)).toEqual(['r3', 'r4']);
    expect(first.wakeAt).toBe(10_000 + LIMIT.windowMs + MARGIN + 1);
    // Just before the wake nothing more; at the wake the next three may go (only two wait).
    expect(passBudget(first, first.wakeAt! - 2, alive).granted).toEqual([]);
    const second = passBudget(first, first.wakeAt!, alive);
    expect(second.granted.map((r) => r.requester)).toEqual(['r3', 'r4']);
    expect(second.wakeAt).toBeNull();
    // Never more than `count` in any window (+ margin) of grant times.
    const times = [...(second.hits['wss://h/ws/2'] ?? [])];
    for (let i = LIMIT.count; i < times.length; i++) expect(times[i]! - times[i - LIMIT.count]!).toBeGreaterThan(LIMIT.windowMs + MARGIN);
  });

  it('keys are separate budgets; a blocked key grants nothing until the block ends', () => {
    const state: BudgetState<string> = { hits: {}, blockedUntil: { 'wss://a/ws/2': 5_000 }, queue: [request(0, { key: 'wss://a/ws/2' }), request(1, { key: 'wss://b/ws/2' })] };
    const pass = passBudget(state, 1_000, alive);
    expect(pass.granted.map((r) => r.requester)).toEqual(['r1']);
    expect(pass.wakeAt).toBe(5_000);
    expect(passBudget(pass, 5_000, alive).granted.map((r) => r.requester)).toEqual(['r0']);
  });

  it("the authenticated connection goes first and holds its system's others while it waits for its backoff", () => {
    const queue = [request(0), request(1), request(2, { first: true, notBefore: 2_000 }), request(3, { group: 'other' })];
    const pass = passBudget({ ...empty, queue }, 1_000, alive);
    // Another system's connection is not held.
    expect(pass.granted.map((r) => r.requester)).toEqual(['r3']);
    expect(pass.wakeAt).toBe(2_000);
    expect(passBudget(pass, 2_000, alive).granted.map((r) => r.requester)).toEqual(['r2', 'r0']);
  });

  it('drops requests of connections that are gone, and honours notBefore', () => {
    const pass = passBudget({ ...empty, queue: [request(0), request(1, { notBefore: 700 })] }, 500, (r) => r !== 'r0');
    expect(pass.granted).toEqual([]);
    expect(pass.queue.map((r) => r.requester)).toEqual(['r1']);
    expect(pass.wakeAt).toBe(700);
  });
});

describe('governor actor with the machines', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  const budgetOf = (governor: ReturnType<typeof createActor<typeof governorMachine>>, blockMs?: number) => ({
    governor,
    public: LIMIT,
    auth: { count: 1, windowMs: 1_000 },
    ...(blockMs === undefined ? {} : { blockMs }),
  });

  it('8 eager connections open 3 per window, none faster, and all end up open', async () => {
    vi.useFakeTimers();
    const governor = createActor(governorMachine).start();
    const t = startSupervisor({ connections: 8, autoConnect: true, budget: budgetOf(governor) });
    await vi.advanceTimersByTimeAsync(10);
    expect(t.sockets.all).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(LIMIT.windowMs + MARGIN);
    expect(t.sockets.all).toHaveLength(6);
    await vi.advanceTimersByTimeAsync(LIMIT.windowMs + MARGIN);
    expect(t.sockets.all).toHaveLength(8);
    const open = t.emitted.filter((e) => e.type === 'connection.open').map((e) => (e.type === 'connection.open' ? e.index : -1));
    expect(open.sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(governor.getSnapshot().context.grants).toBe(8);
    expect(governor.getSnapshot().value).toBe('idle');
    t.actor.stop();
    governor.stop();
  });

  it('an HTTP 429 at upgrade blocks the host for the block time; the retry waits for it', async () => {
    vi.useFakeTimers();
    const governor = createActor(governorMachine).start();
    const blocked: number[] = [];
    governor.on('budget.blocked', (e) => void blocked.push(e.untilMs));
    const sockets = createFakeSockets({ auto: true });
    const t = startSupervisor({ connections: 1, autoConnect: true, budget: budgetOf(governor, 30_000), backoff: { initialMs: 100, maxMs: 100, jitter: 0 } }, sockets);
    await vi.advanceTimersByTimeAsync(10);
    sockets.current.emit({ type: 'socket.closed', code: CLOSE_HTTP_REFUSED, reason: 'HTTP 429 at upgrade' });
    expect(blocked).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(29_000);
    expect(sockets.all).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_100);
    expect(sockets.all).toHaveLength(2);
    expect(governor.getSnapshot().context.penalties).toBe(1);
    t.actor.stop();
    governor.stop();
  });

  it('after an outage the authenticated connection reconnects first', async () => {
    vi.useFakeTimers();
    const governor = createActor(governorMachine).start();
    // One token per 1.05 s; seed 6 gives connection 0 the longest backoff (3.1 s against 1.5 and 2.0 s).
    const budget = { governor, public: { count: 1, windowMs: 1_000 }, auth: { count: 1, windowMs: 1_000 } };
    const t = startSupervisor({ connections: 3, auth: true, autoConnect: true, budget, seed: 6, backoff: { initialMs: 3_000, maxMs: 10_000, jitter: 0.5 } });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(t.sockets.all).toHaveLength(3);
    for (const s of t.sockets.all) s.emit({ type: 'socket.closed', code: 1006, reason: '' });
    await vi.advanceTimersByTimeAsync(20_000);
    const again = t.sockets.all.slice(3).map((s) => s.input.index);
    expect(again).toHaveLength(3);
    expect(again[0]).toBe(0);
    t.actor.stop();
    governor.stop();
  });

  it('a connection closed while it waits stops asking (the queue empties)', async () => {
    vi.useFakeTimers();
    const governor = createActor(governorMachine).start();
    const t = startSupervisor({ connections: 5, autoConnect: true, budget: budgetOf(governor) });
    await vi.advanceTimersByTimeAsync(10);
    expect(governor.getSnapshot().context.queue).toHaveLength(2);
    t.actor.send({ type: 'CLOSE' });
    await vi.advanceTimersByTimeAsync(10);
    expect(governor.getSnapshot().context.queue).toHaveLength(0);
    expect(t.actor.getSnapshot().status).toBe('done');
    governor.stop();
  });

  it('lazy: one connection at start, the next only when the first is full', async () => {
    const t = startSupervisor({ connections: 3, capacity: 2, autoConnect: true, eager: false });
    await new Promise((r) => setTimeout(r, 5));
    expect(t.sockets.all.map((s) => s.input.index)).toEqual([0]);
    for (const id of ['a', 'b']) t.actor.send({ type: 'SUBSCRIBE', sub: ticker(id), key: `ticker:${id}` });
    await new Promise((r) => setTimeout(r, 5));
    expect(t.sockets.all).toHaveLength(1);
    t.actor.send({ type: 'SUBSCRIBE_BATCH', subs: ['c', 'd', 'e'].map((id) => ({ sub: ticker(id), key: `ticker:${id}` })) });
    await new Promise((r) => setTimeout(r, 5));
    expect(t.sockets.all.map((s) => s.input.index)).toEqual([0, 1, 2]);
    expect(t.actor.getSnapshot().context.opened).toBe(3);
    t.actor.send({ type: 'CLOSE' });
    await new Promise((r) => setTimeout(r, 5));
    expect(t.actor.getSnapshot().status).toBe('done');
  });
});
