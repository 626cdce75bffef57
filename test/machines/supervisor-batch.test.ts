/**
 * `SUBSCRIBE_BATCH` (what the facade sends for the subscribes of one tick) against the same
 * subscribes sent one by one, and the supervisor's routing tables staying in step with its intents.
 */
import { describe, expect, it } from 'vitest';
import type { SupervisorEmitted } from '../../machines/emitted.js';
import { allIntents, intentOf } from '../../machines/routing.js';
import type { SubscribeRequest, SupervisorContext, SupervisorInput } from '../../machines/supervisor.machine.js';
import { createFakeSockets, ticker, type FakeSockets } from './fake-socket.js';
import { startSupervisor, tick } from './supervisor-harness.js';

function start(input: Partial<SupervisorInput> = {}, sockets: FakeSockets = createFakeSockets({ auto: true })) {
  return startSupervisor({ prefix: 'batch.', ...input }, sockets);
}

/** The routing tables of a context, with `loads` / `keys` recomputed from `intents` next to them. */
function tables(c: SupervisorContext) {
  const loads = new Array<number>(c.connections).fill(0);
  const keys = Array.from({ length: c.connections }, (): Record<string, number> => ({}));
  for (const [, it] of allIntents(c)) {
    loads[it.conn] = (loads[it.conn] ?? 0) + 1;
    const own = keys[it.conn] ?? {};
    own[it.key] = (own[it.key] ?? 0) + 1;
  }
  return { kept: { loads: c.loads, keys: c.keys }, derived: { loads, keys } };
}

// Shared keys, an integer-like id, a duplicate id inside the batch, and more than fits (2 × 3 slots).
const REQUESTS: SubscribeRequest[] = [
  ['s1', 'A'],
  ['s2', 'B'],
  ['7', 'A'],
  ['s3', 'C'],
  ['s1', 'D'],
  ['s4', 'A'],
  ['s5', 'E'],
  ['s6', 'A'],
  ['s7', 'F'],
].map(([subId, k]) => ({ sub: ticker(subId, `t${k}USD`), key: `ticker:${k}` }));

describe('supervisor: SUBSCRIBE_BATCH', () => {
  it('routes, refuses and reports exactly like the same SUBSCRIBEs one by one', async () => {
    const input = { connections: 2, capacity: 3 };
    const one = start({ ...input, prefix: 'one.' });
    const batch = start({ ...input, prefix: 'all.' });
    for (const r of REQUESTS) one.actor.send({ type: 'SUBSCRIBE', ...r });
    batch.actor.send({ type: 'SUBSCRIBE_BATCH', subs: REQUESTS });
    await tick();
    await tick();
    const rejected = (es: SupervisorEmitted[]) => es.filter((e) => e.type === 'subscription.rejected');
    expect(rejected(batch.emitted)).toEqual(rejected(one.emitted));
    expect(rejected(batch.emitted).map((e) => `${e.subId}:${e.error.code}`)).toEqual([
      's1:ERR_BFX_DUPLICATE_SUB_ID',
      's6:ERR_BFX_CAPACITY',
      's7:ERR_BFX_CAPACITY',
    ]);
    // The rest too, as a multiset (connections start after the whole batch, so only their interleaving differs).
    const rest = (es: SupervisorEmitted[]) => es.filter((e) => e.type !== 'subscription.rejected').map((e) => JSON.stringify(e)).sort();
    expect(rest(batch.emitted)).toEqual(rest(one.emitted));
    const [a, b] = [one.actor.getSnapshot().context, batch.actor.getSnapshot().context];
    expect(b.intents).toEqual(a.intents);
    expect(allIntents(b).map(([id]) => id)).toEqual(allIntents(a).map(([id]) => id));
    expect(tables(b).kept).toEqual(tables(b).derived);
    one.actor.stop();
    batch.actor.stop();
  });

  it('refuses every subscription of a batch while closing', async () => {
    const sockets = createFakeSockets({ auto: true, autoClose: false });
    const t = start({ connections: 1, autoConnect: true }, sockets);
    await tick();
    t.actor.send({ type: 'CLOSE' });
    expect(t.actor.getSnapshot().value).toBe('closing');
    t.actor.send({ type: 'SUBSCRIBE_BATCH', subs: [{ sub: ticker('x'), key: 'ticker:A' }, { sub: ticker('y'), key: 'ticker:B' }] });
    expect(t.emitted.filter((e) => e.type === 'subscription.rejected')).toMatchObject([
      { subId: 'x', error: { code: 'ERR_BFX_CLOSED' } },
      { subId: 'y', error: { code: 'ERR_BFX_CLOSED' } },
    ]);
    expect(allIntents(t.actor.getSnapshot().context)).toEqual([]);
    t.actor.stop();
  });

  it('keeps loads and the key index in step through unsubscribes, 10305 re-routes and a dead connection', async () => {
    const sockets = createFakeSockets({ auto: true });
    const t = start({ connections: 3, capacity: 4, connection: { maxAttempts: 1 } }, sockets);
    const check = () => {
      const { kept, derived } = tables(t.actor.getSnapshot().context);
      expect(kept).toEqual(derived);
    };
    t.actor.send({ type: 'SUBSCRIBE_BATCH', subs: Array.from({ length: 9 }, (_, i) => ({ sub: ticker(`s${i}`), key: `ticker:${i % 4}` })) });
    await tick();
    check();
    // Equal keys share a connection while it has room: 0 takes ticker:0 and ticker:3 until full.
    expect(t.actor.getSnapshot().context.loads).toEqual([4, 3, 2]);
    t.actor.send({ type: 'UNSUBSCRIBE', subId: 's4' });
    await tick();
    check();
    const conn = intentOf(t.actor.getSnapshot().context, 's1')!.conn;
    const socket = sockets.all.filter((s) => s.input.index === conn).at(-1)!;
    // A resubscribe of s1 that the server refuses for capacity.
    sockets.auto = false;
    t.actor.send({ type: 'RESYNC', subId: 's1' });
    socket.emit({ type: 'wire.unsubscribed', chanId: socket.chanOf('s1')! });
    socket.emit({ type: 'wire.error', reply: { subId: 's1' }, error: { code: 'ERR_BFX_SUBSCRIPTION', message: 'subscribe: limit', bfxCode: 10305 } });
    sockets.auto = true;
    await tick();
    check();
    expect(intentOf(t.actor.getSnapshot().context, 's1')!.conn).not.toBe(conn);
    expect(t.actor.getSnapshot().context.limits).toEqual({ [conn]: t.actor.getSnapshot().context.loads[conn] });
    const dying = (conn + 1) % 3;
    sockets.all.filter((s) => s.input.index === dying).at(-1)!.emit({ type: 'socket.closed', code: 1006, reason: 'dropped' });
    await tick();
    await tick();
    check();
    expect(t.actor.getSnapshot().context.dead).toEqual([dying]);
    expect(t.actor.getSnapshot().context.loads[dying]).toBe(0);
    t.actor.stop();
  });
});
