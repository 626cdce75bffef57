/**
 * The standard-WebSocket adapter (the browsers' default), driven in Node by `ws`'s class, which
 * implements the same `onopen`/`onmessage`/`onclose` surface, against a real `ws` server.
 */
import type { AddressInfo } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { createWebSocketFactory } from '../../src/platform/web-socket.js';
import { defaultSocketFactory, wsAvailable } from '../../src/platform/websocket.js';
import * as wsBrowser from '../../src/platform/ws-node.browser.js';

let server: WebSocketServer | undefined;
afterEach(async () => {
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = undefined;
});

async function echoServer(): Promise<string> {
  server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  server.on('connection', (sock) => sock.on('message', (data, binary) => sock.send(binary ? data : data.toString(), { binary })));
  await new Promise<void>((r) => server!.once('listening', () => r()));
  return `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const factory = createWebSocketFactory(WebSocket as unknown as Parameters<typeof createWebSocketFactory>[0]);

describe('the standard WebSocket adapter', () => {
  it('opens, echoes text, and reports the close code and reason once', async () => {
    const url = await echoServer();
    const events: string[] = [];
    const closed = new Promise<void>((resolve) => {
      const conn = factory(url, {
        onOpen: () => {
          events.push('open');
          expect(conn.send('["ping"]')).toBe(true);
        },
        onMessage: (data) => {
          events.push(`msg ${data}`);
          conn.close(4001, 'bye');
        },
        onClose: (code, reason) => {
          events.push(`close ${code} ${reason}`);
          resolve();
        },
      });
    });
    await closed;
    await new Promise((r) => setTimeout(r, 20));
    expect(events).toEqual(['open', 'msg ["ping"]', 'close 4001 bye']);
  });

  it('reports a refused connect as one onClose(1006) and refuses to send', async () => {
    const url = await echoServer();
    await new Promise<void>((r) => server!.close(() => r()));
    server = undefined;
    const calls: number[] = [];
    await new Promise<void>((resolve) => {
      const conn = factory(url, { onOpen: () => undefined, onMessage: () => undefined, onClose: (code) => { calls.push(code); resolve(); } });
      expect(conn.send('x')).toBe(false);
    });
    expect(calls).toEqual([1006]);
  });

  it('terminate() reports 1006 at once and nothing after', async () => {
    const url = await echoServer();
    const calls: string[] = [];
    await new Promise<void>((resolve) => {
      const conn = factory(url, {
        onOpen: () => {
          conn.terminate();
          resolve();
        },
        onMessage: () => calls.push('msg'),
        onClose: (code, reason) => calls.push(`${code} ${reason}`),
      });
    });
    await new Promise((r) => setTimeout(r, 30));
    expect(calls).toEqual(['1006 terminated']);
  });

  it('with no WebSocket in the runtime, closes with a clear reason', async () => {
    const none = createWebSocketFactory(undefined);
    const saved = (globalThis as { WebSocket?: unknown }).WebSocket;
    delete (globalThis as { WebSocket?: unknown }).WebSocket;
    try {
      const reason = await new Promise<string>((resolve) => none('ws://127.0.0.1:1', { onOpen: () => undefined, onMessage: () => undefined, onClose: (_c, r) => resolve(r) }));
      expect(reason).toMatch(/no WebSocket implementation/);
    } finally {
      if (saved !== undefined) (globalThis as { WebSocket?: unknown }).WebSocket = saved;
    }
  });
});

describe('the default socket factory', () => {
  it('is ws in Node.js', () => {
    expect(wsAvailable).toBe(true);
    expect(typeof defaultSocketFactory).toBe('function');
  });
});

describe('the ws adapter of browser bundles (ws-node.browser.ts, swapped in by the browser field)', () => {
  it('says ws is unavailable, so the default is the global WebSocket', () => {
    expect(wsBrowser.wsAvailable).toBe(false);
  });
  it('throws a clear error naming the factory to use instead', () => {
    const handlers = { onOpen: () => {}, onMessage: () => {}, onClose: () => {} };
    expect(() => wsBrowser.wsSocketFactory('wss://example.test', handlers)).toThrow(/Node\.js "ws" package.*webSocketFactory/);
  });
});
