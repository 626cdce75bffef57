/**
 * `SUBSCRIBE_BATCH` (what the facade sends for the subscribes of one tick) against the same
 * subscribes sent one by one, and the supervisor's routing tables staying in step with its intents.
 */
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { connectionMachine } from '../../machines/connection.machine.js';
import type { RuntimeReport } from '../../machines/reports.js';
import { supervisorMachine, type SubscribeRequest, type SupervisorContext, type SupervisorInput } from '../../machines/supervisor.machine.js';
import { createFakeSockets, type FakeSockets } from './fake-socket.js';

const tick = () => new Promise((r) => setTimeout(r, 0));

function start(input: Partial<SupervisorInput> = {}, sockets: FakeSockets = createFakeSockets({ auto: true })) {
  const reports: RuntimeReport[] = [];
  const report = (_: unknown, params: RuntimeReport) => void reports.push(params);
  const machine = supervisorMachine.provide({
    actions: { report },
    actors: { connection: connectionMachine.provide({ actions: { report }, actors: { socket: sockets.logic } }) },
  });
  const prefix = input.prefix ?? 'batch.';
  const actor = createActor(machine, { input: { url: 'ws://fake', prefix, ...input }, systemId: `${prefix}supervisor` });
  actor.start();
  return { actor, reports, sockets };
}

/** The routing tables of a context, with `loads` / `byKey` recomputed from `intents` next to them. */
function tables(c: SupervisorContext) {
  const loads = new Array<number>(c.connections).fill(0);
  const byKey: Record<string, Record<string, number>> = {};
  for (const [subId, it] of Object.entries(c.intents)) {
    loads[it.conn] = (loads[it.conn] ?? 0) + 1;
    (byKey[it.key] ??= {})[subId] = it.conn;
  }
  return { kept: { loads: c.loads, byKey: c.byKey }, derived: { loads, byKey } };
}

// Shared keys, an integer-like id, a duplicate id inside the batch, and more than fits (2 × 3 slots).
const REQUESTS: SubscribeRequest[] = [
  { subId: 's1', key: 'ticker:A' },
  { subId: 's2', key: 'ticker:B' },
  { subId: '7', key: 'ticker:A' },
  { subId: 's3', key: 'ticker:C' },
  { subId: 's1', key: 'ticker:D' },
  { subId: 's4', key: 'ticker:A' },
  { subId: 's5', key: 'ticker:E' },
  { subId: 's6', key: 'ticker:A' },
  { subId: 's7', key: 'ticker:F' },
];

describe('supervisor: SUBSCRIBE_BATCH', () => {
  it('routes, refuses and reports exactly like the same SUBSCRIBEs one by one', async () => {
    const input = { connections: 2, capacity: 3 };
    const one = start({ ...input, prefix: 'one.' });
    const batch = start({ ...input, prefix: 'all.' });
    for (const r of REQUESTS) one.actor.send({ type: 'SUBSCRIBE', ...r });
    batch.actor.send({ type: 'SUBSCRIBE_BATCH', subs: REQUESTS });
    await tick();
    await tick();
    const routing = (rs: RuntimeReport[]) => rs.filter((r) => r.kind === 'routed' || r.kind === 'rejected');
    expect(routing(batch.reports)).toEqual(routing(one.reports));
    expect(routing(batch.reports).map((r) => `${r.kind}:${r.subId}`)).toEqual([
      'routed:s1',
      'routed:s2',
      'routed:7',
      'routed:s3',
      'rejected:s1',
      'routed:s4',
      'routed:s5',
      'rejected:s6',
      'rejected:s7',
    ]);
    // The rest too (connections start after the whole batch, so only their interleaving differs).
    const rest = (rs: RuntimeReport[]) => rs.filter((r) => r.kind !== 'routed' && r.kind !== 'rejected');
    expect(rest(batch.reports)).toEqual(rest(one.reports));
    const [a, b] = [one.actor.getSnapshot().context, batch.actor.getSnapshot().context];
    expect(b.intents).toEqual(a.intents);
    expect(Object.keys(b.intents)).toEqual(Object.keys(a.intents));
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
    t.actor.send({ type: 'SUBSCRIBE_BATCH', subs: [{ subId: 'x', key: 'ticker:A' }, { subId: 'y', key: 'ticker:B' }] });
    expect(t.reports.filter((r) => r.kind === 'rejected')).toMatchObject([
      { subId: 'x', error: { code: 'ERR_BFX_CLOSED' } },
      { subId: 'y', error: { code: 'ERR_BFX_CLOSED' } },
    ]);
    expect(t.actor.getSnapshot().context.intents).toEqual({});
    t.actor.stop();
  });

  it('keeps loads and the key index in step through unsubscribes, 10305 re-routes and a dead connection', async () => {
    const sockets = createFakeSockets({ auto: true });
    const t = start({ connections: 3, capacity: 4, connection: { maxAttempts: 1 } }, sockets);
    const check = () => {
      const { kept, derived } = tables(t.actor.getSnapshot().context);
      expect(kept).toEqual(derived);
    };
    t.actor.send({ type: 'SUBSCRIBE_BATCH', subs: Array.from({ length: 9 }, (_, i) => ({ subId: `s${i}`, key: `ticker:${i % 4}` })) });
    await tick();
    check();
    // Equal keys share a connection while it has room: 0 takes ticker:0 and ticker:3 until full.
    expect(t.actor.getSnapshot().context.loads).toEqual([4, 3, 2]);
    t.actor.send({ type: 'UNSUBSCRIBE', subId: 's4' });
    await tick();
    check();
    const conn = t.actor.getSnapshot().context.intents.s1!.conn;
    const socket = sockets.all.filter((s) => s.input.index === conn).at(-1)!;
    socket.emit({ type: 'sub.error', subId: 's1', error: { code: 'ERR_BFX_SUBSCRIPTION', message: 'subscribe: limit', bfxCode: 10305 } });
    await tick();
    check();
    expect(t.actor.getSnapshot().context.intents.s1!.conn).not.toBe(conn);
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
