/**
 * Systems with API credentials against a fresh simulator per test: `useAccountSystems()` registers
 * the hooks (a simulator with the account and a quiet market before each test; every system and
 * the simulator closed after it) and returns `start(options)` and the current simulator.
 */
import { afterEach, beforeEach } from 'vitest';
import { createBfxSimulator, type BfxSimulator } from '../../src/simulator/index.js';
import { createBfxSystem, type BfxSystem, type BfxSystemOptions } from '../../src/system.js';

/** What {@link useAccountSystems} gives a test file. */
export interface AccountSystems {
  /** The current test's simulator. */
  sim(): BfxSimulator;
  /** An authenticated system on the current simulator (fast backoff), closed after the test. */
  start(options?: BfxSystemOptions): BfxSystem;
}

export function useAccountSystems(apiKey: string, apiSecret: string): AccountSystems {
  let sim: BfxSimulator | undefined;
  const systems: BfxSystem[] = [];
  beforeEach(async () => {
    sim = await createBfxSimulator({ accounts: [{ apiKey, apiSecret }], market: { updatesPerSecond: 0 } });
  });
  afterEach(async () => {
    await Promise.all(systems.splice(0).map((s) => s.close()));
    await sim?.close();
  });
  const current = (): BfxSimulator => {
    if (sim === undefined) throw new Error('no simulator outside a test');
    return sim;
  };
  return {
    sim: current,
    start(options = {}) {
      const bfx = createBfxSystem({
        wssHost: current().wsUrl, restHost: current().restUrl, apiKey, apiSecret, logLevel: 'error',
        backoff: { initialMs: 20, maxMs: 50, jitter: 0 }, ...options,
      });
      systems.push(bfx);
      return bfx;
    },
  };
}

/** Resolves once the system's account actor is offline (its socket dropped). */
export function offline(bfx: BfxSystem): Promise<void> {
  return new Promise<void>((resolve) => {
    const sub = bfx.account.actor.subscribe((s) => {
      if (s.value !== 'offline') return;
      sub.unsubscribe();
      resolve();
    });
  });
}
