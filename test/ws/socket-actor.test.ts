/**
 * The socket actor on a hand-driven socket, under a parent that binds what it is told is
 * subscribed (as the connection does): the `subscribed` replies of one read go up as one
 * `wire.subscribed` event, data frames that arrive before their channel is bound still reach it,
 * and control frames keep their order.
 */
import { describe, expect, it } from 'vitest';
import { createActor, enqueueActions, setup, type AnyEventObject } from 'xstate';
import type { SocketCommand, SocketEvent } from '../../machines/socket-protocol.js';
import { createLogger } from '../../src/logging/logger.js';
import type { SocketHandlers } from '../../src/platform/websocket.js';
import type { ChannelSink } from '../../src/ws/contracts.js';
import { createSocketActor } from '../../src/ws/socket-actor.js';

function start() {
  const got: SocketEvent[] = [];
  const frames: Record<string, unknown[][]> = { s1: [], s2: [], s3: [] };
  const sinks = new Map<string, ChannelSink>(Object.keys(frames).map((id) => [id, { frame: (f) => void frames[id]?.push(f), reset: () => undefined }]));
  let handlers: SocketHandlers | undefined;
  const logic = createSocketActor({
    socketFactory: (_url, h) => {
      handlers = h;
      return { send: () => true, close: () => undefined, terminate: () => undefined };
    },
    log: createLogger({ logLevel: 'silent' }),
    watchdogMs: 60_000,
    sink: (subId) => sinks.get(subId),
    accountSink: () => undefined,
    authFrame: async () => ({}),
    problem: () => undefined,
    attach: () => undefined,
    detach: () => undefined,
  });
  const parent = setup({ actors: { socket: logic } }).createMachine({
    invoke: { id: 'socket', src: 'socket', input: { index: 0, url: 'ws://fake', flags: 0 } },
    on: {
      '*': {
        actions: enqueueActions(({ event, enqueue }) => {
          const e = event as AnyEventObject as SocketEvent;
          got.push(e);
          if (e.type !== 'wire.subscribed') return;
          for (const { chanId, reply } of e.acks) enqueue.sendTo('socket', { type: 'bind', chanId, subId: reply.subId ?? '', shared: false } satisfies SocketCommand);
        }),
      },
    },
  });
  const actor = createActor(parent).start();
  const socket = handlers as SocketHandlers;
  socket.onOpen();
  const read = (...msgs: unknown[]): void => msgs.forEach((m) => socket.onMessage(JSON.stringify(m)));
  const turn = (): Promise<void> => new Promise((r) => setTimeout(r, 0));
  const close = (code: number): void => socket.onClose(code, '');
  return { actor, got, frames, read, turn, close, kinds: () => got.map((e) => e.type).filter((t) => t !== 'socket.open') };
}

const subscribed = (subId: string, chanId: number) => ({ event: 'subscribed', channel: 'ticker', symbol: 'tBTCUSD', subId, chanId });

describe('socket actor', () => {
  it('tells the subscribed replies of one read as one event, and delivers the frames that came before the bind', async () => {
    const t = start();
    t.read(subscribed('s1', 1), [1, [1, 2, 3]], subscribed('s2', 2), [2, [4, 5, 6]], [2, 'hb'], [9, [0]]);
    // Nothing told yet: the acks wait for the end of the read.
    expect(t.kinds()).toEqual([]);
    await t.turn();
    const acks = t.got.filter((e) => e.type === 'wire.subscribed');
    expect(acks).toEqual([
      {
        type: 'wire.subscribed',
        acks: [
          { chanId: 1, reply: { channel: 'ticker', symbol: 'tBTCUSD', subId: 's1', chanId: 1 } },
          { chanId: 2, reply: { channel: 'ticker', symbol: 'tBTCUSD', subId: 's2', chanId: 2 } },
        ],
      },
    ]);
    // Each channel got its frames, in order, once bound; chanId 9 (never acked) was dropped.
    expect(t.frames).toEqual({ s1: [[[1, 2, 3]]], s2: [[[4, 5, 6]], ['hb']], s3: [] });
    t.read([1, [7, 8, 9]]);
    expect(t.frames.s1).toEqual([[[1, 2, 3]], [[7, 8, 9]]]);
    t.actor.stop();
  });

  it('keeps control frames in order: pending acks are told before any other control frame', async () => {
    const t = start();
    t.read(subscribed('s1', 1));
    await t.turn();
    t.read(subscribed('s3', 3), [3, [1]], { event: 'unsubscribed', status: 'OK', chanId: 1 }, subscribed('s2', 2));
    // The unsubscribed reply flushed the ack before it, synchronously.
    expect(t.kinds()).toEqual(['wire.subscribed', 'wire.subscribed', 'wire.unsubscribed']);
    expect(t.frames.s3).toEqual([[[1]]]);
    await t.turn();
    expect(t.kinds()).toEqual(['wire.subscribed', 'wire.subscribed', 'wire.unsubscribed', 'wire.subscribed']);
    t.actor.stop();
  });

  it('tells pending acks before the socket closes', async () => {
    const t = start();
    // The server closes right after the ack, in the same read.
    t.read(subscribed('s1', 1));
    t.close(1006);
    expect(t.kinds()).toEqual(['wire.subscribed', 'socket.closed']);
    await t.turn();
    expect(t.kinds()).toEqual(['wire.subscribed', 'socket.closed']);
    t.actor.stop();
  });
});
