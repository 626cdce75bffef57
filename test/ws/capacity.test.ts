import { afterEach, describe, expect, it } from 'vitest';
import { CapacityError } from '../../src/errors.js';
import { serverSubscriptions, startHarness, waitFor, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('multiplexing against the simulator', () => {
  it('carries 125 subscriptions over 5 connections (25 each) and refuses the 126th with CapacityError', async () => {
    h = await startHarness({ market: { updatesPerSecond: 1 } });
    const ws = h.bfx.ws;
    const keys: string[] = [];
    for (const tf of ['1m', '5m', '15m', '30m', '1h', '3h', '6h', '12h', '1D', '1W', '14D', '1M']) {
      for (const sym of ['tBTCUSD', 'tETHUSD', 'tLTCUSD', 'tXRPUSD', 'tSOLUSD', 'tEOSUSD', 'tDOTUSD', 'tADAUSD', 'tETHBTC', 'tLTCBTC', 'tXRPBTC']) {
        keys.push(`trade:${tf}:${sym}`);
      }
    }
    const handles = keys.slice(0, 125).map((key) => ws.subscribe('candles', { key }));
    await Promise.all(handles);
    const over = ws.subscribe('candles', { key: keys[125] });
    await expect(over).rejects.toBeInstanceOf(CapacityError);
    await expect(over).rejects.toMatchObject({ code: 'ERR_BFX_CAPACITY' });
    await waitFor(() => serverSubscriptions(h!.sim).total === 125, 5_000, 'server count');
    expect(serverSubscriptions(h.sim).perSocket.sort()).toEqual([25, 25, 25, 25, 25]);
    expect(new Set(ws.subscriptions().map((s) => s.connection)).size).toBe(5);
    await handles[0].unsubscribe();
    await expect(ws.subscribe('candles', { key: keys[125] })).resolves.toMatchObject({ key: keys[125] });
  });
});
