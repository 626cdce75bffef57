/**
 * The README's inspector recipe, end to end: `@statelyai/inspect`'s `createInspectorServer` relay
 * plus `createWebSocketInspector` handed to `createBfxSystem({ inspect })`. A plain `ws` client
 * stands in for the browser page and must see the supervisor and connection actors, and never
 * the API key or secret.
 */
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createInspectorServer } from '@statelyai/inspect/server';
import { createWebSocketInspector } from '@statelyai/inspect';
import { startHarness, type Harness } from './harness.js';

const KEY = 'inspect-key-0123456789';
const SECRET = 'inspect-secret-9876543210';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

async function connect(url: string): Promise<WebSocket> {
  for (let i = 0; i < 50; i++) {
    const ws = new WebSocket(url);
    const ok = await new Promise<boolean>((resolve) => {
      ws.once('open', () => resolve(true));
      ws.once('error', () => resolve(false));
    });
    if (ok) return ws;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`cannot reach ${url}`);
}

const cleanups: Array<() => unknown> = [];
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('Stately inspector recipe', () => {
  it('relays the supervisor and connection actors, sanitised', async () => {
    const port = await freePort();
    const server = createInspectorServer({ port, autoOpen: false });
    cleanups.push(() => server.stop());
    const browser = await connect(`ws://127.0.0.1:${port}`);
    cleanups.push(() => browser.terminate());
    const messages: string[] = [];
    browser.on('message', (data) => messages.push(String(data)));

    const inspector = createWebSocketInspector({ url: `ws://127.0.0.1:${port}` });
    cleanups.push(() => inspector.stop());
    h = await startHarness({ accounts: [{ apiKey: KEY, apiSecret: SECRET }] }, { apiKey: KEY, apiSecret: SECRET, inspect: inspector.inspect, connections: 2 });
    await h.bfx.ws.subscribe('ticker', { symbol: 'tBTCUSD' });

    const deadline = Date.now() + 10_000;
    const seen = (): boolean => messages.some((m) => m.includes('"name":"supervisor"')) && messages.some((m) => m.includes('"name":"conn-0"'));
    while (!seen() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(seen()).toBe(true);
    const all = messages.join('\n');
    expect(all).not.toContain(SECRET);
    expect(all).not.toContain(KEY);
    // Actor refs in contexts and events go out as references (`{ id, xstate$$type }`, as the
    // inspector itself sends them), never as the actor system walked field by field.
    expect(all).toContain('"socket":{"id":"socket","xstate$$type":1}');
    expect(all).not.toContain('"mailbox"');
  });
});
