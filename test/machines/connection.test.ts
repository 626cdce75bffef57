import { describe, expect, it } from 'vitest';
import { createActor, SimulatedClock } from 'xstate';
import { connectionMachine, type ConnectionInput } from '../../machines/connection.machine.js';
import type { ConnectionEmitted } from '../../machines/emitted.js';
import type { SocketCommand } from '../../machines/socket-protocol.js';
import { AUTH_INFO, createFakeSockets, ticker } from './fake-socket.js';

function start(input: Partial<ConnectionInput> = {}) {
  const sockets = createFakeSockets();
  const clock = new SimulatedClock();
  const machine = connectionMachine.provide({ actors: { socket: sockets.logic } });
  const actor = createActor(machine, { input: { index: 0, url: 'ws://fake', flags: 196608, seed: 7, ...input }, clock });
  const emitted: ConnectionEmitted[] = [];
  actor.on('*', (e) => void emitted.push(e));
  actor.start();
  return { actor, sockets, emitted, clock };
}

function open(t: ReturnType<typeof start>): void {
  const s = t.sockets.current;
  s.emit({ type: 'socket.open' });
  s.emit({ type: 'socket.info', version: 2, code: null });
  s.emit({ type: 'socket.conf', ok: true, flags: 196608 });
}

const subscribes = (cmds: SocketCommand[]) => cmds.flatMap((c) => (c.type === 'subscribe' ? [c.sub.subId] : []));
const ack = (t: ReturnType<typeof start>, subId: string, chanId: number) =>
  t.sockets.current.emit({ type: 'wire.subscribed', acks: [{ chanId, reply: { channel: 'ticker', subId } }] });
const subState = (t: ReturnType<typeof start>, subId: string) => t.actor.getSnapshot().context.subs.find((e) => e.subId === subId)?.ref.getSnapshot().value;
const kinds = (t: ReturnType<typeof start>) => t.emitted.filter((e) => e.type.startsWith('subscription.')).map((e) => `${e.type}:${'subId' in e ? e.subId : ''}`);

describe('connection machine', () => {
  it('sends conf after info and before any subscribe, then opens', () => {
    const t = start();
    t.actor.send({ type: 'SUBSCRIBE', sub: ticker('a') });
    expect(t.actor.getSnapshot().matches({ session: 'connecting' })).toBe(true);
    expect(t.sockets.current.commands).toEqual([]);
    t.sockets.current.emit({ type: 'socket.info', version: 2, code: null });
    expect(t.sockets.current.commands).toEqual([{ type: 'conf', flags: 196608 }]);
    t.sockets.current.emit({ type: 'socket.conf', ok: true, flags: 196608 });
    expect(t.actor.getSnapshot().matches({ session: 'open' })).toBe(true);
    expect(t.sockets.current.commands.map((c) => c.type)).toEqual(['conf', 'subscribe']);
  });

  it('gives subscription actors readable ids', () => {
    const t = start();
    t.actor.send({ type: 'SUBSCRIBE', sub: { subId: 'x1', channel: 'book', symbol: 'tBTCUSD', prec: 'P0', freq: 'F0', len: '25' } });
    t.actor.send({ type: 'SUBSCRIBE', sub: { subId: 'x2', channel: 'candles', key: 'trade:1m:tBTCUSD' } });
    expect(t.actor.getSnapshot().context.subs.map((e) => e.ref.id)).toEqual(['book:tBTCUSD:P0#0', 'candles:trade:1m:tBTCUSD#1']);
  });


  it('SUBSCRIBE_BATCH spawns each new subscription once, in order; on an open socket they subscribe at once, through the socket', () => {
    const t = start();
    t.actor.send({ type: 'SUBSCRIBE', sub: ticker('a') });
    t.actor.send({ type: 'SUBSCRIBE_BATCH', subs: [ticker('b'), ticker('a'), ticker('c')] });
    expect(t.actor.getSnapshot().context.subs.map((e) => e.subId)).toEqual(['a', 'b', 'c']);
    expect(['a', 'b', 'c'].map((id) => subState(t, id))).toEqual(['pending', 'pending', 'pending']);
    open(t);
    expect(subscribes(t.sockets.current.commands)).toEqual(['a', 'b', 'c']);
    ack(t, 'a', 1);
    // Later batches: only the new ones subscribe (a is active, b and c still wait for their ack).
    t.actor.send({ type: 'SUBSCRIBE_BATCH', subs: [ticker('d'), ticker('b'), ticker('e')] });
    expect(subscribes(t.sockets.current.commands)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(['a', 'b', 'd'].map((id) => subState(t, id))).toEqual(['active', 'subscribing', 'subscribing']);
    // Each child holds this session's socket, and lets it go when the socket is lost.
    const socketOf = (id: string) => t.actor.getSnapshot().context.subs.find((e) => e.subId === id)?.ref.getSnapshot().context.socket;
    expect(socketOf('d')).toBe(t.actor.getSnapshot().children.socket);
    t.sockets.current.emit({ type: 'socket.closed', code: 1006, reason: '' });
    expect(socketOf('d')).toBeNull();
  });
  it('ignores a conf ack for other flags and reconnects when the ack never comes', () => {
    const t = start({ confTimeoutMs: 1000 });
    t.sockets.current.emit({ type: 'socket.info', version: 2, code: null });
    t.sockets.current.emit({ type: 'socket.conf', ok: true, flags: 8 });
    expect(t.actor.getSnapshot().matches({ session: 'configuring' })).toBe(true);
    t.clock.increment(1000);
    expect(t.actor.getSnapshot().value).toBe('reconnecting');
    expect(t.emitted.map((e) => e.type)).toContain('connection.attempt_failed');
    expect(t.emitted.map((e) => e.type)).not.toContain('connection.lost');
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
    // Every attempt is told (attempt_failed + reconnecting), none of them is a lost open socket.
    expect(t.emitted.filter((e) => e.type === 'connection.attempt_failed')).toHaveLength(10);
    expect(t.emitted.filter((e) => e.type === 'connection.lost')).toHaveLength(0);
  });

  it('is deterministic for a seed, resets attempts after a successful open, and says lost once per loss', () => {
    const a = start({ seed: 42 });
    const b = start({ seed: 42 });
    open(a);
    a.sockets.current.emit({ type: 'socket.closed', code: 1006, reason: '' });
    b.sockets.current.emit({ type: 'socket.closed', code: 1006, reason: '' });
    expect(a.actor.getSnapshot().context.delayMs).toBe(b.actor.getSnapshot().context.delayMs);
    a.clock.increment(a.actor.getSnapshot().context.delayMs);
    a.sockets.current.emit({ type: 'socket.closed', code: 1006, reason: 'refused' });
    a.clock.increment(a.actor.getSnapshot().context.delayMs);
    open(a);
    expect(a.actor.getSnapshot().context.attempt).toBe(0);
    expect(a.emitted.filter((e) => e.type === 'connection.lost')).toEqual([{ type: 'connection.lost', index: 0, code: 1006, reason: '' }]);
    expect(a.emitted.filter((e) => e.type === 'connection.open').at(-1)).toMatchObject({ attempts: 2, downtimeMs: expect.any(Number) });
  });

  it('reconnects on info 20051 and replays every subscription exactly once', () => {
    const t = start();
    open(t);
    t.actor.send({ type: 'SUBSCRIBE', sub: ticker('a') });
    t.actor.send({ type: 'SUBSCRIBE', sub: ticker('b') });
    t.actor.send({ type: 'SUBSCRIBE', sub: ticker('a') });
    ack(t, 'a', 5);
    t.sockets.current.emit({ type: 'socket.info', version: null, code: 20051 });
    expect(t.actor.getSnapshot().value).toBe('reconnecting');
    expect(subState(t, 'a')).toBe('pending');
    t.clock.increment(60_000);
    open(t);
    expect(subscribes(t.sockets.current.commands)).toEqual(['a', 'b']);
  });

  it('binds the channel on ack, unbinds and unsubscribes on unsubscribe, ends only on the server confirmation', () => {
    const t = start();
    open(t);
    t.actor.send({ type: 'SUBSCRIBE', sub: ticker('a') });
    ack(t, 'a', 9);
    expect(t.sockets.current.commands.at(-1)).toEqual({ type: 'bind', chanId: 9, subId: 'a', shared: false });
    expect(subState(t, 'a')).toBe('active');
    t.actor.send({ type: 'UNSUBSCRIBE', subId: 'a' });
    expect(t.sockets.current.commands.slice(-2)).toEqual([{ type: 'unbind', chanId: 9, subId: 'a' }, { type: 'unsubscribe', chanId: 9 }]);
    expect(subState(t, 'a')).toBe('unsubscribing');
    t.sockets.current.emit({ type: 'wire.unsubscribed', chanId: 9 });
    expect(t.actor.getSnapshot().context.subs).toEqual([]);
    expect(kinds(t)).toEqual(['subscription.acked:a', 'subscription.ended:a']);
    expect(t.emitted.at(-1)).toMatchObject({ type: 'subscription.ended', state: 'unsubscribed' });
  });

  it('an unsubscribe refused (10400) fails the subscription with the server error', () => {
    const t = start();
    open(t);
    t.actor.send({ type: 'SUBSCRIBE', sub: ticker('a') });
    ack(t, 'a', 9);
    t.actor.send({ type: 'UNSUBSCRIBE', subId: 'a' });
    t.sockets.current.emit({ type: 'wire.error', reply: { chanId: 9 }, error: { code: 'ERR_BFX_SUBSCRIPTION', message: 'unsubscribe: invalid', bfxCode: 10400 } });
    expect(t.emitted.at(-1)).toMatchObject({ type: 'subscription.ended', subId: 'a', state: 'failed', error: { bfxCode: 10400 } });
  });

  it('unsubscribe during a drop ends at once; unsubscribe while subscribing waits for the ack, then undoes it', () => {
    const t = start();
    open(t);
    t.actor.send({ type: 'SUBSCRIBE', sub: ticker('a') });
    t.actor.send({ type: 'SUBSCRIBE', sub: ticker('b') });
    ack(t, 'a', 1);
    t.sockets.current.emit({ type: 'socket.closed', code: 1006, reason: '' });
    t.actor.send({ type: 'UNSUBSCRIBE', subId: 'a' });
    expect(t.emitted.at(-1)).toMatchObject({ type: 'subscription.ended', subId: 'a', state: 'unsubscribed' });
    t.clock.increment(60_000);
    open(t);
    t.actor.send({ type: 'UNSUBSCRIBE', subId: 'b' });
    expect(subState(t, 'b')).toBe('cancelling');
    ack(t, 'b', 2);
    expect(t.sockets.current.commands.at(-1)).toEqual({ type: 'unsubscribe', chanId: 2 });
    t.sockets.current.emit({ type: 'wire.unsubscribed', chanId: 2 });
    expect(t.actor.getSnapshot().context.subs).toEqual([]);
  });

  it('resubscribe: unsubscribe, then subscribe with the same sub id once the server confirmed', () => {
    const t = start();
    open(t);
    t.actor.send({ type: 'SUBSCRIBE', sub: ticker('a') });
    ack(t, 'a', 3);
    t.actor.send({ type: 'RESYNC', subId: 'a' });
    expect(t.sockets.current.commands.at(-1)).toEqual({ type: 'unsubscribe', chanId: 3 });
    expect(subState(t, 'a')).toEqual({ resubscribing: 'unsubscribing' });
    t.sockets.current.emit({ type: 'wire.unsubscribed', chanId: 3 });
    expect(subscribes(t.sockets.current.commands)).toEqual(['a', 'a']);
    ack(t, 'a', 4);
    expect(subState(t, 'a')).toBe('active');
    expect(t.emitted.filter((e) => e.type === 'subscription.acked').map((e) => (e.type === 'subscription.acked' ? e.resubscribed : null))).toEqual([false, true]);
  });

  it('maintenance: 20060 pauses, 20061 resubscribes everything', () => {
    const t = start();
    open(t);
    t.actor.send({ type: 'SUBSCRIBE', sub: ticker('a') });
    ack(t, 'a', 5);
    t.sockets.current.emit({ type: 'socket.info', version: null, code: 20060 });
    expect(t.actor.getSnapshot().context.paused).toBe(true);
    t.sockets.current.emit({ type: 'socket.info', version: null, code: 20061 });
    expect(t.actor.getSnapshot().context.paused).toBe(false);
    expect(t.sockets.current.commands.filter((c) => c.type === 'unsubscribe')).toHaveLength(1);
    expect(t.emitted.flatMap((e) => (e.type === 'connection.maintenance' ? [e.active] : []))).toEqual([true, false]);
  });

  it('10301 shares the existing channel; the sharer unsubscribing leaves the channel open', () => {
    const t = start();
    open(t);
    t.actor.send({ type: 'SUBSCRIBE', sub: ticker('a', 'tBTCUSD') });
    t.actor.send({ type: 'SUBSCRIBE', sub: ticker('b', 'tBTCUSD') });
    ack(t, 'a', 7);
    t.sockets.current.emit({ type: 'wire.error', reply: { chanId: 7, subId: 'b' }, error: { code: 'ERR_BFX_SUBSCRIPTION', message: 'subscribe: dup', bfxCode: 10301 } });
    expect(t.sockets.current.commands.at(-1)).toEqual({ type: 'bind', chanId: 7, subId: 'b', shared: true });
    expect(subState(t, 'b')).toBe('active');
    t.actor.send({ type: 'UNSUBSCRIBE', subId: 'b' });
    expect(t.sockets.current.commands.filter((c) => c.type === 'unsubscribe')).toEqual([]);
    expect(subState(t, 'a')).toBe('active');
    expect(t.emitted.at(-1)).toMatchObject({ type: 'subscription.ended', subId: 'b', state: 'unsubscribed' });
  });

  it('an ack nobody waits for is undone; a stray error event is told to the host', () => {
    const t = start();
    open(t);
    t.sockets.current.emit({ type: 'wire.subscribed', acks: [{ chanId: 42, reply: { channel: 'ticker', subId: 'ghost' } }] });
    expect(t.sockets.current.commands.at(-1)).toEqual({ type: 'unsubscribe', chanId: 42 });
    t.sockets.current.emit({ type: 'wire.error', reply: {}, error: { code: 'ERR_BFX_SUBSCRIPTION', message: 'boom', bfxCode: 10000 } });
    expect(t.emitted.at(-1)).toMatchObject({ type: 'connection.error', error: { bfxCode: 10000 } });
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

  it('auth OK binds the account channel and says authenticated', () => {
    const t = start({ auth: true });
    open(t);
    t.sockets.current.emit({ type: 'socket.auth.ok', info: AUTH_INFO });
    expect(t.actor.getSnapshot().matches({ session: 'open' })).toBe(true);
    expect(t.sockets.current.commands).toContainEqual({ type: 'bind', chanId: 0, subId: '', shared: false });
    expect(t.emitted.map((e) => e.type)).toContain('connection.authenticated');
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
    expect(t.emitted.map((e) => e.type)).not.toContain('connection.lost');
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
    t.actor.send({ type: 'SUBSCRIBE', sub: ticker('a') });
    t.actor.send({ type: 'SUBSCRIBE', sub: ticker('b') });
    t.actor.send({ type: 'SUBSCRIBE', sub: ticker('c') });
    t.sockets.current.emit({ type: 'wire.error', reply: { subId: 'a' }, error: { code: 'ERR_BFX_SUBSCRIPTION', message: 'subscribe: limit', bfxCode: 10305 } });
    t.sockets.current.emit({ type: 'wire.error', reply: { subId: 'b' }, error: { code: 'ERR_BFX_SUBSCRIPTION', message: 'symbol: invalid', bfxCode: 10300 } });
    ack(t, 'c', 9);
    t.actor.send({ type: 'UNSUBSCRIBE', subId: 'c' });
    t.sockets.current.emit({ type: 'wire.unsubscribed', chanId: 9 });
    expect(t.actor.getSnapshot().context.subs).toEqual([]);
    expect(kinds(t)).toEqual(['subscription.ended:a', 'subscription.ended:b', 'subscription.acked:c', 'subscription.ended:c']);
  });

  it('a subscribe the server never answers fails after subscribeTimeoutMs, counted from when it was sent', () => {
    const t = start({ subscribeTimeoutMs: 1_000 });
    t.actor.send({ type: 'SUBSCRIBE', sub: ticker('a') });
    t.clock.increment(5_000);
    expect(subState(t, 'a')).toBe('pending');
    open(t);
    t.clock.increment(999);
    expect(subState(t, 'a')).toBe('subscribing');
    t.clock.increment(1);
    expect(t.emitted.at(-1)).toMatchObject({ type: 'subscription.ended', state: 'failed', error: { code: 'ERR_BFX_TIMEOUT', timeoutMs: 1_000 } });
  });

  it('a poison pill: a subscribe after which the server closes the socket, five times in a row, fails and is not replayed', () => {
    const t = start({ backoff: { initialMs: 10, maxMs: 10, jitter: 0 } });
    t.actor.send({ type: 'SUBSCRIBE', sub: ticker('ok') });
    t.actor.send({ type: 'SUBSCRIBE', sub: ticker('bad') });
    // A drop that is not right after its frame does not count.
    open(t);
    t.sockets.current.emit({ type: 'socket.closed', code: 1006, reason: 'cut' });
    t.clock.increment(10);
    for (let i = 0; i < 5; i++) {
      open(t);
      ack(t, 'ok', 10 + i);
      expect(t.emitted.filter((e) => e.type === 'subscription.ended')).toEqual([]);
      t.sockets.current.emit({ type: 'socket.closed', code: 1009, reason: 'server closed', afterSubscribe: 'bad' });
      t.clock.increment(10);
    }
    expect(t.emitted.filter((e) => e.type === 'subscription.ended')).toMatchObject([
      { subId: 'bad', state: 'failed', error: { message: expect.stringContaining('not replayed') } },
    ]);
    open(t);
    expect(subscribes(t.sockets.current.commands)).toEqual(['ok']);
  });

  it('auth refused for a small nonce (10114) reconnects and signs again, a bounded number of times', () => {
    const t = start({ auth: true, backoff: { initialMs: 10, maxMs: 10, jitter: 0 } });
    const nonce = { code: 'ERR_BFX_AUTH', message: 'nonce: small', bfxCode: 10114 };
    for (let i = 0; i < 3; i++) {
      open(t);
      t.sockets.current.emit({ type: 'socket.auth.failed', error: nonce });
      expect(t.actor.getSnapshot().value).toBe('reconnecting');
      t.clock.increment(10);
    }
    open(t);
    t.sockets.current.emit({ type: 'socket.auth.ok', info: AUTH_INFO });
    expect(t.actor.getSnapshot().matches({ session: 'open' })).toBe(true);
    expect(t.actor.getSnapshot().context.nonceRefusals).toBe(0);
    // Four in a row is not a race any more: it closes like any other auth refusal.
    for (let i = 0; i < 4; i++) {
      t.sockets.current.emit({ type: 'socket.closed', code: 1006, reason: '' });
      t.clock.increment(10);
      open(t);
      t.sockets.current.emit({ type: 'socket.auth.failed', error: nonce });
      if (i < 3) t.clock.increment(10);
    }
    expect(t.actor.getSnapshot().status).toBe('done');
    expect(t.actor.getSnapshot().output?.error?.bfxCode).toBe(10114);
  });
});
