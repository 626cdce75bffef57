import { afterEach, describe, expect, it } from 'vitest';
import type { Wallet } from '../../src/models/index.js';
import { sleep, startHarness, waitFor, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const KEY = 'rt-key';
const SECRET = 'rt-secret';

describe('authenticated connection through the facade', () => {
  it('authenticates connection 0, delivers account snapshots, carries inputs, and re-authenticates after a drop', async () => {
    h = await startHarness({ accounts: [{ apiKey: KEY, apiSecret: SECRET }] }, { apiKey: KEY, apiSecret: SECRET, connections: 2 });
    let auths = 0;
    let wallets: Wallet[] = [];
    h.bfx.ws.on('authenticated', () => void auths++);
    h.bfx.ws.on('wallet_snapshot', (w) => void (wallets = w));
    await h.bfx.ws.connect();
    await waitFor(() => auths === 1 && wallets.length > 0, 5_000, 'auth + wallets');
    expect(h.sim.faults.connections().filter((c) => c.authenticated)).toHaveLength(1);
    const n = await h.bfx.ws.inputs.submitOrder({ type: 'EXCHANGE LIMIT', symbol: 'tBTCUSD', amount: 0.01, price: 1000 });
    expect(n.status).toBe('SUCCESS');
    expect(n.data.symbol).toBe('tBTCUSD');
    h.sim.faults.dropAll();
    await waitFor(() => auths === 2, 5_000, 're-auth');
    const again = await h.bfx.ws.inputs.submitOrder({ type: 'EXCHANGE LIMIT', symbol: 'tBTCUSD', amount: 0.01, price: 1001 });
    expect(again.status).toBe('SUCCESS');
  });

  it('an auth failure closes the auth connection with an AuthError and does not retry', async () => {
    h = await startHarness({ accounts: [{ apiKey: KEY, apiSecret: SECRET }] }, { apiKey: KEY, apiSecret: 'wrong-secret', connections: 1 });
    await waitFor(() => h!.errors.some((e) => e.code === 'ERR_BFX_AUTH'), 5_000, 'auth error');
    const err = h.errors.find((e) => e.code === 'ERR_BFX_AUTH')!;
    expect(err.bfxCode).toBe(10100);
    expect(err.message).not.toContain('wrong-secret');
    await sleep(300);
    expect(h.sim.faults.connections()).toHaveLength(0);
    expect(h.bfx.ws.connections()[0].state).toBe('closed');
    await expect(h.bfx.ws.inputs.submitOrder({ type: 'EXCHANGE LIMIT', symbol: 'tBTCUSD', amount: 0.01, price: 1000 })).rejects.toBeDefined();
  });
});
