/**
 * After an authentication failure the auth connection never comes back, so an input queued for
 * re-auth must fail at once with the AuthError (not wait out its timeout); `calc` reaches the
 * auth frame through createBfxSystem.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { createBfxSystem, type BfxSystem } from '../../src/system.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness | undefined;
let bfx: BfxSystem | undefined;
let wss: WebSocketServer | undefined;
afterEach(async () => {
  await h?.close();
  await bfx?.close();
  await new Promise<void>((r) => (wss ? wss.close(() => r()) : r()));
  h = undefined;
  bfx = undefined;
  wss = undefined;
});

describe('inputs after an auth failure', () => {
  it('a queued input rejects at once with the AuthError', async () => {
    h = await startHarness({ accounts: [{ apiKey: 'k-auth', apiSecret: 'right' }] }, { apiKey: 'k-auth', apiSecret: 'wrong', inputs: { policy: 'queue', timeoutMs: 60_000 } });
    const started = Date.now();
    const input = h.bfx.ws.inputs.submitOrder({ type: 'EXCHANGE LIMIT', symbol: 'tBTCUSD', amount: 0.01, price: 1000 });
    await expect(input).rejects.toMatchObject({ code: 'ERR_BFX_AUTH', bfxCode: 10100 });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(h.errors.some((e) => e.code === 'ERR_BFX_AUTH')).toBe(true);
  });

  it('passes calc: 1 in the auth frame when asked', async () => {
    wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    const authFrame = new Promise<Record<string, unknown>>((resolve) => {
      wss!.on('connection', (socket) => {
        socket.send(JSON.stringify({ event: 'info', version: 2, platform: { status: 1 } }));
        socket.on('message', (data) => {
          const msg = JSON.parse(String(data)) as Record<string, unknown>;
          if (msg.event === 'conf') socket.send(JSON.stringify({ event: 'conf', status: 'OK', flags: msg.flags }));
          if (msg.event === 'auth') resolve(msg);
        });
      });
    });
    await new Promise<void>((r) => wss!.once('listening', () => r()));
    const { port } = wss.address() as { port: number };
    bfx = createBfxSystem({ wssHost: `ws://127.0.0.1:${port}`, apiKey: 'k-calc', apiSecret: 's', calc: true, connections: 1, logLevel: 'silent' });
    expect(await authFrame).toMatchObject({ event: 'auth', calc: 1, apiKey: 'k-calc' });
  });
});
