/**
 * Property: after a seeded random run (200 steps) of WebSocket inputs, REST orders and socket drops
 * (plain drops, and cuts right after an input executed and before its notification) against the
 * simulator, the account actor's orders, positions and wallets equal what REST reports (normalised
 * fields), and every input settled (no OutcomeUnknownError: the REST lookup always answers).
 *
 * The simulator's REST rate limits and the client's pacing are off here: this is about the account
 * view, not the budget (the recovery lookups are ordinary `auth/r/*` reads and are paced normally).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError, OutcomeUnknownError } from '../../src/errors.js';
import type { Order, Position, Wallet } from '../../src/models/index.js';
import { createBfxSimulator, type BfxSimulator } from '../../src/simulator/index.js';
import { exchangeAccount } from '../../src/simulator/exchange/account.js';
import { mulberry32 } from '../../src/simulator/market/prng.js';
import { createBfxSystem, type BfxSystem } from '../../src/system.js';
import { FAST_LIMITS } from '../ws/harness.js';

const apiKey = 'property-key';
const apiSecret = 'property-secret';
const STEPS = 200;
const SEEDS = [7, 20260310];

const normOrder = (o: Order) => ({ id: o.id, cid: o.cid, symbol: o.symbol, amount: o.amount, amountOrig: o.amountOrig, price: o.price, status: o.orderStatus, type: o.orderType });
const normPosition = (p: Position) => ({ symbol: p.symbol, status: p.status, amount: Number(p.amount.toFixed(8)), basePrice: Number(p.basePrice.toFixed(6)), id: p.positionId });
const normWallet = (w: Wallet) => ({ key: `${w.walletType}:${w.currency}`, balance: Number(w.balance.toFixed(8)), interest: w.unsettledInterest ?? 0 });
const byKey = <T>(rows: T[], key: (r: T) => string | number): T[] => [...rows].sort((a, b) => String(key(a)).localeCompare(String(key(b))));

/** What an input lost in a drop was told, checked against the exchange afterwards. */
interface Claim {
  readonly kind: 'recovered' | 'not-applied';
  readonly type: string;
  readonly request: { readonly id?: number; readonly cid?: number; readonly price?: string };
  readonly order?: Order;
}

/** Whether the exchange's state bears a claim out, now. */
function holds(sim: BfxSimulator, c: Claim): boolean {
  const st = exchangeAccount(sim.exchange.account(apiKey))!.state;
  const all = [...st.orders.values(), ...st.ordersHist];
  const r = c.request;
  if (c.kind === 'recovered') return all.some((o) => o.id === c.order!.id && o.cid === c.order!.cid);
  if (c.type === 'on-req') return !all.some((o) => o.cid === r.cid);
  if (c.type === 'ou-req') return all.filter((o) => o.id === r.id).every((o) => o.price !== Number(r.price));
  return st.orders.has(r.id!) || all.every((o) => o.id !== r.id);
}

interface RunStats {
  claims: Claim[];
  falseClaims: Claim[];
  drops: number;
  cuts: number;
  recovered: number;
  refused: number;
  notApplied: number;
  unknown: number;
  other: string[];
  ms: number;
}

async function run(sim: BfxSimulator, seed: number): Promise<{ bfx: BfxSystem; stats: RunStats }> {
  const rng = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T | undefined => (xs.length === 0 ? undefined : xs[Math.floor(rng.next() * xs.length)]);
  const bfx = createBfxSystem({
    wssHost: sim.wsUrl, restHost: sim.restUrl, apiKey, apiSecret, logLevel: 'error', pacing: false,
    backoff: { initialMs: 10, maxMs: 40, jitter: 0 }, inputs: { recoveryMs: 400, timeoutMs: 5000 }, systemIdPrefix: `p${seed}.`,
    // Dozens of reconnects in seconds: Bitfinex's limits on the harness's faster clock (both sides).
    connectionBudget: { ...FAST_LIMITS, blockMs: 500 },
  });
  const stats: RunStats = { claims: [], falseClaims: [], drops: 0, cuts: 0, recovered: 0, refused: 0, notApplied: 0, unknown: 0, other: [], ms: 0 };
  const claim = (c: Claim): void => {
    stats.claims.push(c);
    if (!holds(sim, c)) stats.falseClaims.push(c);
  };
  const settle = async (p: Promise<{ text: string | null; type: string; data: unknown }>): Promise<void> => {
    try {
      const n = await p;
      if (n.text?.startsWith('Settled after reconnecting') === true) {
        stats.recovered++;
        claim({ kind: 'recovered', type: n.type, request: {}, order: n.data as Order });
      }
    } catch (e) {
      if (e instanceof OutcomeUnknownError) stats.unknown++;
      else if (e instanceof InputError && e.status === 'NOT_APPLIED') {
        stats.notApplied++;
        claim({ kind: 'not-applied', type: e.type, request: e.data as Claim['request'] });
      }
      else if (e instanceof InputError) stats.refused++;
      else stats.other.push(String(e));
    }
  };
  await new Promise<void>((r) => {
    const off = bfx.ws.on('authenticated', () => {
      off();
      r();
    });
  });
  const t0 = performance.now();
  const amount = (): number => Number((0.001 + rng.next() * 0.01).toFixed(4));
  for (let step = 0; step < STEPS; step++) {
    const active = bfx.account.orders().map((o) => o.id);
    const roll = rng.next();
    if (roll < 0.2) await settle(bfx.ws.inputs.submitOrder({ type: 'EXCHANGE LIMIT', symbol: 'tBTCUSD', amount: amount(), price: 1000 + Math.floor(rng.next() * 100) }));
    else if (roll < 0.28) await settle(bfx.ws.inputs.submitOrder({ type: 'EXCHANGE LIMIT', symbol: 'tBTCUSD', amount: -amount(), price: 10_000_000 }));
    else if (roll < 0.36) await settle(bfx.ws.inputs.submitOrder({ type: 'EXCHANGE MARKET', symbol: 'tBTCUSD', amount: rng.next() < 0.5 ? amount() : -amount() }));
    else if (roll < 0.43) await settle(bfx.ws.inputs.submitOrder({ type: 'MARKET', symbol: pick(['tBTCUSD', 'tETHUSD'])!, amount: rng.next() < 0.5 ? amount() : -amount() }));
    else if (roll < 0.55) {
      const id = pick(active);
      if (id !== undefined) await settle(bfx.ws.inputs.cancelOrder({ id }));
    } else if (roll < 0.64) {
      const id = pick(active);
      if (id !== undefined) await settle(bfx.ws.inputs.updateOrder({ id, price: 900 + Math.floor(rng.next() * 100) }));
    } else if (roll < 0.74) {
      await bfx.rest.auth.submitOrder({ type: 'EXCHANGE LIMIT', symbol: 'tBTCUSD', amount: amount(), price: 1100 + Math.floor(rng.next() * 100) }).catch(() => undefined);
    } else if (roll < 0.8) {
      const id = pick(active);
      if (id !== undefined) await bfx.rest.auth.cancelOrder({ id }).catch(() => undefined);
    } else if (roll < 0.84) {
      await bfx.rest.auth.submitOrder({ type: 'MARKET', symbol: 'tETHUSD', amount: rng.next() < 0.5 ? amount() : -amount() }).catch(() => undefined);
    } else if (roll < 0.92) {
      stats.drops++;
      sim.faults.dropAll();
    } else {
      stats.cuts++;
      sim.faults.cutAfterInput(pick(['on', 'oc', 'ou']));
    }
  }
  sim.faults.cutAfterInput(undefined, 0);
  // Sync marker: the echo of a custom notification follows every frame the run caused.
  const echoed = new Promise<void>((r) => {
    const off = bfx.ws.on('notification', (n) => {
      if (n.type !== 'ucm-property-end') return;
      off();
      r();
    });
  });
  await bfx.ws.notify({ step: STEPS }, { type: 'ucm-property-end' });
  await echoed;
  stats.ms = performance.now() - t0;
  return { bfx, stats };
}

let sim: BfxSimulator;
beforeAll(async () => {
  sim = await createBfxSimulator({ accounts: [{ apiKey, apiSecret }], market: { updatesPerSecond: 0 }, rest: { rateLimit: false }, ws: { connectionLimits: FAST_LIMITS } });
});
afterAll(async () => {
  await sim.close();
});

describe('account actor = REST, after a seeded random run with drops', () => {
  it.each(SEEDS)('seed %i: orders, positions and wallets equal REST', async (seed) => {
    const { bfx, stats } = await run(sim, seed);
    try {
      const [orders, positions, wallets] = await Promise.all([bfx.rest.auth.getOrders(), bfx.rest.auth.getPositions(), bfx.rest.auth.getWallets()]);
      expect(byKey(bfx.account.orders().map(normOrder), (o) => o.id)).toEqual(byKey(orders.map(normOrder), (o) => o.id));
      expect(byKey(bfx.account.positions().map(normPosition), (p) => p.symbol)).toEqual(byKey(positions.map(normPosition), (p) => p.symbol));
      expect(byKey(bfx.account.wallets().map(normWallet), (w) => w.key)).toEqual(byKey(wallets.map(normWallet), (w) => w.key));
      // The run exercised what it claims to: drops, cuts, recovered inputs; nothing left unknown.
      expect(stats.drops + stats.cuts).toBeGreaterThan(10);
      expect(stats.recovered).toBeGreaterThan(0);
      expect(stats.unknown).toBe(0);
      expect(stats.other).toEqual([]);
      // Every outcome told to an input lost in a drop was true of the exchange when it was told.
      expect(stats.claims.filter((c) => c.kind === 'recovered').length).toBe(stats.recovered);
      expect(stats.falseClaims).toEqual([]);
      expect(bfx.account.actor.getSnapshot().context.sessions).toBeGreaterThan(10);
      console.log(`seed ${seed}: ${STEPS} steps in ${stats.ms.toFixed(0)} ms; drops ${stats.drops}, cuts ${stats.cuts}, recovered ${stats.recovered}, refused ${stats.refused}, not applied ${stats.notApplied}; ${orders.length} orders, ${positions.length} positions`);
    } finally {
      await bfx.close();
    }
  }, 90_000);
});
