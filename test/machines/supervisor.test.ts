import { describe, expect, it } from 'vitest';
import { allIntents, intentOf } from '../../machines/routing.js';
import { createFakeSockets, ticker } from './fake-socket.js';
import { ackedOn, rejections, startSupervisor, tick } from './supervisor-harness.js';

const limit = { code: 'ERR_BFX_SUBSCRIPTION', message: 'subscribe: limit', bfxCode: 10305 };

describe('supervisor machine', () => {
  it('spreads 125 subscriptions over 5 connections and refuses the 126th with a capacity error', async () => {
    const t = startSupervisor();
    for (let i = 0; i < 126; i++) t.actor.send({ type: 'SUBSCRIBE', sub: ticker(`s${i}`), key: `ticker:t${i}` });
    await tick();
    await tick();
    expect(ackedOn(t.emitted)).toEqual([25, 25, 25, 25, 25]);
    expect(rejections(t.emitted)).toMatchObject([{ subId: 's125', error: { code: 'ERR_BFX_CAPACITY' } }]);
    // Least loaded first: the first five went to five different connections.
    const context = t.actor.getSnapshot().context;
    expect([0, 1, 2, 3, 4].map((i) => intentOf(context, `s${i}`)?.conn)).toEqual([0, 1, 2, 3, 4]);
    t.actor.send({ type: 'UNSUBSCRIBE', subId: 's3' });
    await tick();
    expect(t.emitted.at(-1)).toMatchObject({ type: 'subscription.ended', subId: 's3', state: 'unsubscribed' });
    t.actor.send({ type: 'SUBSCRIBE', sub: ticker('again'), key: 'ticker:again' });
    await tick();
    expect(t.emitted.at(-1)).toMatchObject({ type: 'subscription.acked', subId: 'again', index: 3 });
    t.actor.stop();
  });

  it('refuses a duplicate sub id with ERR_BFX_DUPLICATE_SUB_ID and keeps the first', async () => {
    const t = startSupervisor({ connections: 1 });
    t.actor.send({ type: 'SUBSCRIBE', sub: ticker('x'), key: 'ticker:a' });
    t.actor.send({ type: 'SUBSCRIBE', sub: ticker('x'), key: 'ticker:b' });
    await tick();
    expect(rejections(t.emitted)).toMatchObject([{ subId: 'x', error: { code: 'ERR_BFX_DUPLICATE_SUB_ID' } }]);
    expect(intentOf(t.actor.getSnapshot().context, 'x')?.key).toBe('ticker:a');
    t.actor.stop();
  });

  it('re-routes on 10305 and reports 10305 as a capacity error when nowhere is left', async () => {
    const sockets = createFakeSockets({ auto: true });
    const t = startSupervisor({ connections: 2 }, sockets);
    t.actor.send({ type: 'CONNECT' });
    await tick();
    sockets.auto = false;
    t.actor.send({ type: 'SUBSCRIBE', sub: ticker('a'), key: 'ticker:a' });
    const first = sockets.all.find((s) => s.commands.some((c) => c.type === 'subscribe'))!;
    first.emit({ type: 'wire.error', reply: { subId: 'a' }, error: limit });
    const second = sockets.all.find((s) => s !== first && s.commands.some((c) => c.type === 'subscribe'))!;
    expect(second).toBeDefined();
    expect(intentOf(t.actor.getSnapshot().context, 'a')?.conn).toBe(second.input.index);
    second.emit({ type: 'wire.error', reply: { subId: 'a' }, error: limit });
    expect(rejections(t.emitted)).toMatchObject([{ subId: 'a', error: { code: 'ERR_BFX_CAPACITY', bfxCode: 10305 } }]);
    expect(allIntents(t.actor.getSnapshot().context)).toEqual([]);
    t.actor.stop();
  });

  it('one outage of every socket: one system.reconnection, when the last is back', async () => {
    const t = startSupervisor({ connections: 3, autoConnect: true, backoff: { initialMs: 1, maxMs: 1, jitter: 0 } });
    await tick();
    for (const s of t.sockets.all.slice(0, 3)) s.emit({ type: 'socket.closed', code: 1006, reason: '' });
    expect(t.actor.getSnapshot().context.outage?.lost).toEqual([0, 1, 2]);
    for (let i = 0; i < 20 && t.actor.getSnapshot().context.outage !== null; i++) await new Promise((r) => setTimeout(r, 5));
    expect(t.emitted.filter((e) => e.type === 'connection.lost')).toHaveLength(3);
    expect(t.emitted.filter((e) => e.type === 'system.reconnection')).toMatchObject([{ attempts: 1 }]);
    t.actor.stop();
  });

  it('close closes every connection and ends with the code, told once', async () => {
    const t = startSupervisor({ connections: 3, autoConnect: true });
    await tick();
    t.actor.send({ type: 'CLOSE', code: 4000, reason: 'done' });
    await tick();
    expect(t.actor.getSnapshot().status).toBe('done');
    expect(t.actor.getSnapshot().output).toEqual({ code: 4000, reason: 'done' });
    expect(t.emitted.filter((e) => e.type === 'connection.closed')).toHaveLength(3);
    expect(t.emitted.filter((e) => e.type === 'system.closed')).toEqual([{ type: 'system.closed', code: 4000, reason: 'done' }]);
  });

  it('a connection closed for good hands its subscriptions to the others (an intent is never lost while the system lives)', async () => {
    const t = startSupervisor({ connections: 2, autoConnect: true, connection: { maxAttempts: 1 } });
    await tick();
    t.actor.send({ type: 'SUBSCRIBE', sub: ticker('a'), key: 'ticker:a' });
    t.actor.send({ type: 'SUBSCRIBE', sub: ticker('b'), key: 'ticker:b' });
    await tick();
    const onZero = allIntents(t.actor.getSnapshot().context).filter(([, i]) => i.conn === 0).map(([id]) => id);
    expect(onZero).toHaveLength(1);
    t.sockets.all.find((s) => s.input.index === 0)!.emit({ type: 'socket.closed', code: 1006, reason: 'gone' });
    await tick();
    await tick();
    expect(t.actor.getSnapshot().context.dead).toEqual([0]);
    expect(allIntents(t.actor.getSnapshot().context).map(([, i]) => i.conn)).toEqual([1, 1]);
    expect(ackedOn(t.emitted.filter((e) => e.type !== 'subscription.acked' || e.index === 1))).toEqual([2]);
    expect(t.emitted.filter((e) => e.type === 'subscription.ended')).toEqual([]);
    t.actor.stop();
  });
});
