import { afterEach, describe, expect, it } from 'vitest';
import { nextRandom } from '../../machines/backoff.js';
import type { BfxSimulator } from '../../src/simulator/index.js';
import { allLiveOnce, serverSubscriptions, sleep, startHarness, unhandledRejections, waitFor, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

type Fault = (sim: BfxSimulator, pick: (n: number) => number) => void;

const FAULTS: readonly Fault[] = [
  (sim) => sim.faults.dropAll(),
  (sim, pick) => void sim.faults.drop((c) => c.index % 3 === pick(3)),
  (sim) => sim.faults.dropAll({ closeFrame: true, code: 1011 }),
  (sim) => sim.faults.info(20051),
  (sim) => sim.faults.skipSequence(),
  (sim) => sim.faults.corruptNextChecksum(),
  (sim) => sim.faults.sendMalformed('json'),
  (sim) => sim.faults.sendMalformed('shape'),
  (sim, pick) => sim.faults.silence(100 + pick(400)),
  (sim) => sim.faults.refuseConnections(80, 429),
  (sim) => sim.faults.refuseConnections(80, 503),
  (sim) => sim.faults.maintenance('start'),
  (sim) => sim.faults.maintenance('end'),
];

describe('chaos', () => {
  it('survives 1,000 seeded random faults and ends with every subscription live exactly once', async () => {
    h = await startHarness({ market: { updatesPerSecond: 10 } }, { connections: 5, backoff: { initialMs: 20, maxMs: 150, jitter: 0.3 }, heartbeatTimeoutMs: 600 });
    const before = unhandledRejections();
    const ws = h.bfx.ws;
    const subs = [
      ...['tBTCUSD', 'tETHUSD', 'fUSD', 'tLTCUSD'].map((symbol) => ws.subscribe('ticker', { symbol })),
      ...['tBTCUSD', 'fUSD'].map((symbol) => ws.subscribe('trades', { symbol })),
      ws.subscribe('book', { symbol: 'tBTCUSD', prec: 'P0' }),
      ws.subscribe('book', { symbol: 'tBTCUSD', prec: 'P1' }),
      ws.subscribe('book', { symbol: 'fUSD', prec: 'P0' }),
      ws.subscribe('book', { symbol: 'tETHUSD', prec: 'R0' }),
      ws.subscribe('candles', { key: 'trade:1m:tBTCUSD' }),
      ws.subscribe('status', { key: 'deriv:tBTCF0:USTF0' }),
    ];
    await Promise.all(subs);
    // CHAOS_SEED=n replays another fault sequence (npm test runs the default one).
    let rng = Number(process.env.CHAOS_SEED ?? 20251124);
    const pick = (n: number): number => {
      const r = nextRandom(rng);
      rng = r.state;
      return Math.floor(r.value * n);
    };
    const started = Date.now();
    for (let i = 0; i < 1_000; i++) {
      FAULTS[pick(FAULTS.length)](h.sim, pick);
      await sleep(5 + pick(30));
    }
    h.sim.faults.maintenance('end');
    expect(Date.now() - started).toBeLessThan(60_000);
    await waitFor(() => allLiveOnce(h!), 20_000, 'every subscription live exactly once');
    await sleep(300);
    expect(allLiveOnce(h)).toBe(true);
    expect(serverSubscriptions(h.sim).total).toBe(subs.length);
    expect(subs.every((s) => s.state === 'active')).toBe(true);
    expect(unhandledRejections()).toBe(before);
  }, 90_000);
});
