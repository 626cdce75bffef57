import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { connectionMachine } from '../../machines/connection.machine.js';
import type { RuntimeReport } from '../../machines/reports.js';
import { supervisorMachine, type SupervisorInput } from '../../machines/supervisor.machine.js';
import { createFakeSockets, type FakeSockets } from './fake-socket.js';

const tick = () => new Promise((r) => setTimeout(r, 0));

function start(input: Partial<SupervisorInput> = {}, sockets: FakeSockets = createFakeSockets({ auto: true })) {
  const reports: RuntimeReport[] = [];
  const report = (_: unknown, params: RuntimeReport) => void reports.push(params);
  const machine = supervisorMachine.provide({
    actions: { report },
    actors: { connection: connectionMachine.provide({ actions: { report }, actors: { socket: sockets.logic } }) },
  });
  const actor = createActor(machine, { input: { url: 'ws://fake', ...input }, systemId: `${input.prefix ?? 'bfx.'}supervisor` });
  actor.start();
  return { actor, reports, sockets };
}

const subscribedOn = (reports: RuntimeReport[]) => {
  const by = new Map<number, number>();
  for (const r of reports) if (r.kind === 'subscribed') by.set(r.index, (by.get(r.index) ?? 0) + 1);
  return [...by.entries()].sort(([a], [b]) => a - b).map(([, n]) => n);
};

describe('supervisor machine', () => {
  it('spreads 125 subscriptions over 5 connections and refuses the 126th with a capacity error', async () => {
    const t = start();
    for (let i = 0; i < 126; i++) t.actor.send({ type: 'SUBSCRIBE', subId: `s${i}`, key: `ticker:t${i}` });
    await tick();
    await tick();
    expect(subscribedOn(t.reports)).toEqual([25, 25, 25, 25, 25]);
    const rejected = t.reports.filter((r) => r.kind === 'rejected');
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ subId: 's125', error: { code: 'ERR_BFX_CAPACITY' } });
    // Least loaded first: the first five went to five different connections.
    const firstRoutes = t.reports.filter((r) => r.kind === 'routed').slice(0, 5).map((r) => (r.kind === 'routed' ? r.index : -1));
    expect(firstRoutes).toEqual([0, 1, 2, 3, 4]);
    t.actor.send({ type: 'UNSUBSCRIBE', subId: 's3' });
    await tick();
    t.actor.send({ type: 'SUBSCRIBE', subId: 'again', key: 'ticker:again' });
    await tick();
    expect(t.reports.at(-1)).toMatchObject({ kind: 'subscribed', subId: 'again', index: 3 });
    t.actor.stop();
  });

  it('refuses a duplicate sub id with ERR_BFX_DUPLICATE_SUB_ID and keeps the first', async () => {
    const t = start({ connections: 1 });
    t.actor.send({ type: 'SUBSCRIBE', subId: 'x', key: 'ticker:a' });
    t.actor.send({ type: 'SUBSCRIBE', subId: 'x', key: 'ticker:b' });
    await tick();
    expect(t.reports.filter((r) => r.kind === 'rejected')).toMatchObject([{ subId: 'x', error: { code: 'ERR_BFX_DUPLICATE_SUB_ID' } }]);
    expect(t.actor.getSnapshot().context.intents.x?.key).toBe('ticker:a');
    t.actor.stop();
  });

  it('re-routes on 10305 and reports 10305 as a capacity error when nowhere is left', async () => {
    const sockets = createFakeSockets({ auto: true });
    const t = start({ connections: 2 }, sockets);
    t.actor.send({ type: 'CONNECT' });
    await tick();
    sockets.auto = false;
    t.actor.send({ type: 'SUBSCRIBE', subId: 'a', key: 'ticker:a' });
    const first = sockets.all.find((s) => s.commands.some((c) => c.type === 'subscribe'))!;
    first.emit({ type: 'sub.error', subId: 'a', error: { code: 'ERR_BFX_SUBSCRIPTION', message: 'subscribe: limit', bfxCode: 10305 } });
    const second = sockets.all.find((s) => s !== first && s.commands.some((c) => c.type === 'subscribe'))!;
    expect(second).toBeDefined();
    expect(t.actor.getSnapshot().context.intents.a?.conn).toBe(second.input.index);
    second.emit({ type: 'sub.error', subId: 'a', error: { code: 'ERR_BFX_SUBSCRIPTION', message: 'subscribe: limit', bfxCode: 10305 } });
    expect(t.reports.filter((r) => r.kind === 'rejected')).toMatchObject([{ subId: 'a', error: { code: 'ERR_BFX_CAPACITY', bfxCode: 10305 } }]);
    expect(t.actor.getSnapshot().context.intents).toEqual({});
    t.actor.stop();
  });

  it('close closes every connection and ends with the code', async () => {
    const t = start({ connections: 3, autoConnect: true });
    await tick();
    t.actor.send({ type: 'CLOSE', code: 4000, reason: 'done' });
    await tick();
    expect(t.actor.getSnapshot().status).toBe('done');
    expect(t.actor.getSnapshot().output).toEqual({ code: 4000, reason: 'done' });
    expect(t.reports.filter((r) => r.kind === 'closed')).toHaveLength(3);
  });
});
