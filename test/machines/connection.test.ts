import { describe, expect, it } from 'vitest';
import { createActor, SimulatedClock } from 'xstate';
import { connectionMachine, type ConnectionInput } from '../../machines/connection.machine.js';
import type { RuntimeReport } from '../../machines/reports.js';
import { createFakeSockets } from './fake-socket.js';

function start(input: Partial<ConnectionInput> = {}) {
  const sockets = createFakeSockets();
  const reports: RuntimeReport[] = [];
  const clock = new SimulatedClock();
  const machine = connectionMachine.provide({
    actors: { socket: sockets.logic },
    actions: { report: (_, params: RuntimeReport) => void reports.push(params) },
  });
  const actor = createActor(machine, { input: { index: 0, url: 'ws://fake', flags: 196608, seed: 7, ...input }, clock });
  actor.start();
  return { actor, sockets, reports, clock };
}

function open(t: ReturnType<typeof start>): void {
  const s = t.sockets.current;
  s.emit({ type: 'socket.open' });
  s.emit({ type: 'socket.info', version: 2, code: null });
  s.emit({ type: 'socket.conf', ok: true, flags: 196608 });
}

describe('connection machine', () => {
  it('sends conf after info and before any subscribe, then opens', () => {
    const t = start();
    t.actor.send({ type: 'SUBSCRIBE', subId: 'a' });
    expect(t.actor.getSnapshot().matches({ session: 'connecting' })).toBe(true);
    expect(t.sockets.current.commands).toEqual([]);
    t.sockets.current.emit({ type: 'socket.info', version: 2, code: null });
    expect(t.sockets.current.commands).toEqual([{ type: 'conf', flags: 196608 }]);
    t.sockets.current.emit({ type: 'socket.conf', ok: true, flags: 196608 });
    expect(t.actor.getSnapshot().matches({ session: 'open' })).toBe(true);
    expect(t.sockets.current.commands.map((c) => c.type)).toEqual(['conf', 'subscribe']);
  });

  it('ignores a conf ack for other flags and reconnects when the ack never comes', () => {
    const t = start({ confTimeoutMs: 1000 });
    t.sockets.current.emit({ type: 'socket.info', version: 2, code: null });
    t.sockets.current.emit({ type: 'socket.conf', ok: true, flags: 8 });
    expect(t.actor.getSnapshot().matches({ session: 'configuring' })).toBe(true);
    t.clock.increment(1000);
    expect(t.actor.getSnapshot().value).toBe('reconnecting');
  });

  it('backs off from 3 s, exponentially with jitter, capped at 60 s', () => {
    const t = start({ backoff: { jitter: 0.2 } });
    const delays: number[] = [];
    for (let i = 0; i < 10; i++) {
      t.sockets.current.emit({ type: 'socket.closed', code: 1006, reason: '' });
      expect(t.actor.getSnapshot().value).toBe('reconnecting');
      const d = t.actor.getSnapshot().context.delayMs;
      delays.push(d);
      t.clock.increment(d - 1);
      expect(t.actor.getSnapshot().value).toBe('reconnecting');
      t.clock.increment(1);
      expect(t.actor.getSnapshot().matches('session')).toBe(true);
    }
    expect(delays[0]).toBeGreaterThanOrEqual(2400);
    expect(delays[0]).toBeLessThanOrEqual(3600);
    expect(delays[1]).toBeGreaterThanOrEqual(4800);
    expect(delays[2]).toBeGreaterThanOrEqual(9600);
    for (const d of delays) expect(d).toBeLessThanOrEqual(60_000);
    expect(delays.slice(6).every((d) => d >= 48_000)).toBe(true);
    expect(t.sockets.all).toHaveLength(11);
  });

  it('is deterministic for a seed and resets attempts after a successful open', () => {
    const a = start({ seed: 42 });
    const b = start({ seed: 42 });
    a.sockets.current.emit({ type: 'socket.closed', code: 1006, reason: '' });
    b.sockets.current.emit({ type: 'socket.closed', code: 1006, reason: '' });
    expect(a.actor.getSnapshot().context.delayMs).toBe(b.actor.getSnapshot().context.delayMs);
    a.clock.increment(a.actor.getSnapshot().context.delayMs);
    open(a);
    expect(a.actor.getSnapshot().context.attempt).toBe(0);
    expect(a.reports.some((r) => r.kind === 'open' && r.attempts === 1 && r.downtimeMs !== null)).toBe(true);
  });

  it('reconnects on info 20051 and replays every subscription exactly once', () => {
    const t = start();
    open(t);
    t.actor.send({ type: 'SUBSCRIBE', subId: 'a' });
    t.actor.send({ type: 'SUBSCRIBE', subId: 'b' });
    t.actor.send({ type: 'SUBSCRIBE', subId: 'a' });
    t.sockets.current.emit({ type: 'socket.info', version: null, code: 20051 });
    expect(t.actor.getSnapshot().value).toBe('reconnecting');
    t.clock.increment(60_000);
    open(t);
    const subs = t.sockets.current.commands.filter((c) => c.type === 'subscribe').map((c) => (c.type === 'subscribe' ? c.subId : ''));
    expect(subs).toEqual(['a', 'b']);
  });

  it('maintenance: 20060 pauses, 20061 resubscribes everything', () => {
    const t = start();
    open(t);
    t.actor.send({ type: 'SUBSCRIBE', subId: 'a' });
    t.sockets.current.emit({ type: 'sub.ack', subId: 'a', chanId: 5 });
    t.sockets.current.emit({ type: 'socket.info', version: null, code: 20060 });
    expect(t.actor.getSnapshot().context.paused).toBe(true);
    t.sockets.current.emit({ type: 'socket.info', version: null, code: 20061 });
    expect(t.actor.getSnapshot().context.paused).toBe(false);
    expect(t.sockets.current.commands.filter((c) => c.type === 'resubscribe')).toHaveLength(1);
    expect(t.reports.filter((r) => r.kind === 'maintenance').map((r) => (r.kind === 'maintenance' ? r.active : null))).toEqual([true, false]);
  });

  it('closes (no retry) on auth failure and on an unsupported version', () => {
    const t = start({ auth: true });
    t.sockets.current.emit({ type: 'socket.info', version: 2, code: null });
    t.sockets.current.emit({ type: 'socket.conf', ok: true, flags: 196608 });
    expect(t.actor.getSnapshot().matches({ session: 'authenticating' })).toBe(true);
    t.sockets.current.emit({ type: 'socket.auth.failed', error: { code: 'ERR_BFX_AUTH', message: 'apikey: invalid', bfxCode: 10100 } });
    expect(t.actor.getSnapshot().status).toBe('done');
    expect(t.actor.getSnapshot().output?.error?.bfxCode).toBe(10100);
    t.clock.increment(120_000);
    expect(t.sockets.all).toHaveLength(1);

    const v = start();
    v.sockets.current.emit({ type: 'socket.info', version: 3, code: null });
    expect(v.actor.getSnapshot().status).toBe('done');
    expect(v.actor.getSnapshot().output?.error?.code).toBe('ERR_BFX_PROTOCOL');
  });

  it('a user close ends it with the code and reason, never reconnecting', () => {
    const t = start();
    open(t);
    t.actor.send({ type: 'CLOSE', code: 4321, reason: 'bye' });
    expect(t.sockets.current.commands.at(-1)).toEqual({ type: 'close', code: 4321, reason: 'bye' });
    t.sockets.current.emit({ type: 'socket.closed', code: 4321, reason: 'bye' });
    expect(t.actor.getSnapshot().status).toBe('done');
    expect(t.actor.getSnapshot().output).toMatchObject({ code: 4321, reason: 'bye' });
    t.clock.increment(120_000);
    expect(t.sockets.all).toHaveLength(1);
  });

  it('close while reconnecting ends at once', () => {
    const t = start();
    t.sockets.current.emit({ type: 'socket.closed', code: 1006, reason: '' });
    t.actor.send({ type: 'CLOSE' });
    expect(t.actor.getSnapshot().status).toBe('done');
  });

  it('a 10305 without a supervisor fails the subscription; an error fails it; unsubscribe ends it', () => {
    const t = start();
    open(t);
    t.actor.send({ type: 'SUBSCRIBE', subId: 'a' });
    t.actor.send({ type: 'SUBSCRIBE', subId: 'b' });
    t.actor.send({ type: 'SUBSCRIBE', subId: 'c' });
    t.sockets.current.emit({ type: 'sub.error', subId: 'a', error: { code: 'ERR_BFX_SUBSCRIPTION', message: 'subscribe: limit', bfxCode: 10305 } });
    t.sockets.current.emit({ type: 'sub.error', subId: 'b', error: { code: 'ERR_BFX_SUBSCRIPTION', message: 'symbol: invalid', bfxCode: 10300 } });
    t.sockets.current.emit({ type: 'sub.ack', subId: 'c', chanId: 9 });
    t.actor.send({ type: 'UNSUBSCRIBE', subId: 'c' });
    expect(t.actor.getSnapshot().context.subs).toEqual([]);
    const kinds = t.reports.filter((r) => 'subId' in r).map((r) => `${r.kind}:${'subId' in r ? r.subId : ''}`);
    expect(kinds).toEqual(['sub-failed:a', 'sub-failed:b', 'subscribed:c', 'unsubscribed:c']);
  });
});
