/**
 * The account channel through the public facade (`createBfxSystem`) against the simulator:
 * auth and snapshots, inputs, a market order's whole event order, auth failure, re-auth after a
 * dropped socket (with an input queued meanwhile), the dead-man switch, and REST agreeing with
 * the WebSocket view.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuthError, type BfxError } from '../../src/errors.js';
import type { Order, Wallet } from '../../src/models/index.js';
import { exchangeAccount } from '../../src/simulator/exchange/account.js';
import { createBfxSimulator, type BfxSimulator } from '../../src/simulator/index.js';
import { createBfxSystem, type BfxSystem, type BfxSystemOptions } from '../../src/system.js';
import type { BfxWsEventName } from '../../src/ws/events.js';
import { authFunding, authTrades } from './fixtures.js';
import { recorder, type Recorder } from './recorder.js';

const apiKey = 'e2e-system-key';
const apiSecret = 'e2e-system-secret-never-logged';

const ACCOUNT_EVENTS: readonly BfxWsEventName[] = [
  'authenticated', 'reconnection', 'disconnection', 'error', 'order_snapshot', 'order_new', 'order_update', 'order_cancel',
  'wallet_snapshot', 'wallet_update', 'balance_update', 'base_margin_info', 'symbol_margin_info', 'trade_execution',
  'trade_execution_update', 'on-req-notification', 'oc-req-notification', 'position_snapshot',
];

let sim: BfxSimulator;
const systems: BfxSystem[] = [];

function start(o: BfxSystemOptions = {}): { bfx: BfxSystem; rec: Recorder } {
  const bfx = createBfxSystem({
    wssHost: sim.wsUrl, restHost: sim.restUrl, apiKey, apiSecret,
    backoff: { initialMs: 20, maxMs: 100, jitter: 0 }, logLevel: 'error', ...o,
  });
  systems.push(bfx);
  const rec = recorder();
  for (const event of ACCOUNT_EVENTS) bfx.ws.on(event, (...args: unknown[]) => (rec.emit as (e: string, ...a: unknown[]) => void)(event, ...args));
  return { bfx, rec };
}

beforeEach(async () => {
  sim = await createBfxSimulator({ accounts: [{ apiKey, apiSecret }], market: { updatesPerSecond: 0 } });
});
afterEach(async () => {
  await Promise.all(systems.splice(0).map((s) => s.close()));
  await sim.close();
});

describe('account channel through createBfxSystem', () => {
  it('authenticates, streams snapshots, and settles inputs with their notifications', async () => {
    const { bfx, rec } = start();
    await rec.waitFor('authenticated');
    await rec.waitFor('balance_update');
    expect(rec.names().slice(0, 4)).toEqual(['authenticated', 'position_snapshot', 'wallet_snapshot', 'order_snapshot']);
    const placed = await bfx.ws.inputs.submitOrder({ type: 'EXCHANGE LIMIT', symbol: 'tBTCUSD', amount: 0.01, price: 1000 });
    await rec.waitFor('order_new', (o) => (o as Order).id === placed.data.id);
    const cancelled = await bfx.ws.inputs.cancelOrder({ id: placed.data.id });
    expect(cancelled.status).toBe('SUCCESS');
    await rec.waitFor('order_cancel', (o) => (o as Order).id === placed.data.id);
  });

  it('a market order: notification, two trades, close, fees, wallets, balance and margin, in that order', async () => {
    const { bfx, rec } = start();
    await rec.waitFor('balance_update');
    const asks = sim.market.bookSnapshot('tBTCUSD', 'R0', 25).filter((r) => (r[2] as number) < 0) as [number, number, number][];
    const amount = Number((-asks[0]![2] + -asks[1]![2] / 2).toFixed(8));
    const mark = rec.events.length;
    await bfx.ws.inputs.submitOrder({ type: 'EXCHANGE MARKET', symbol: 'tBTCUSD', amount });
    await rec.waitFor('symbol_margin_info', () => true, mark);
    expect(rec.names(mark)).toEqual([
      'on-req-notification', 'trade_execution', 'trade_execution', 'order_cancel', 'trade_execution_update',
      'trade_execution_update', 'wallet_update', 'wallet_update', 'balance_update', 'base_margin_info', 'symbol_margin_info',
    ]);
  });

  it('a wrong secret: AuthError 10100 on error, no retry loop, queued inputs never sent', async () => {
    const { bfx, rec } = start({ apiSecret: 'not-the-secret', inputs: { policy: 'queue', timeoutMs: 300 } });
    const err = (await rec.waitFor('error', (e) => e instanceof AuthError)) as BfxError;
    expect(err.bfxCode).toBe(10100);
    expect(err.message).not.toMatch(/not-the-secret|e2e-system-key/);
    const input = bfx.ws.inputs.calc('balance').catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 200));
    expect(rec.names().filter((n) => n === 'reconnection')).toEqual([]);
    expect(sim.faults.connections().filter((c) => c.authenticated)).toHaveLength(0);
    expect(await input).toMatchObject({ code: expect.stringMatching(/ERR_BFX_(INPUT_TIMEOUT|NOT_AUTHENTICATED|CLOSED)/) });
  });

  it('re-authenticates after a dropped socket; an input made meanwhile (queue policy) is sent after re-auth', async () => {
    const { bfx, rec } = start({ inputs: { policy: 'queue', timeoutMs: 5000 } });
    await rec.waitFor('authenticated');
    const placed = await bfx.ws.inputs.submitOrder({ type: 'EXCHANGE LIMIT', symbol: 'tBTCUSD', amount: 0.01, price: 1000 });
    sim.faults.refuseConnections(150);
    sim.faults.dropAll();
    await rec.waitFor('disconnection');
    const mark = rec.events.length;
    const cancelled = bfx.ws.inputs.cancelOrder({ id: placed.data.id }).then((n) => n, (e: unknown) => e);
    await rec.waitFor('authenticated', () => true, mark);
    await expect(cancelled).resolves.toMatchObject({ type: 'oc-req', status: 'SUCCESS' });
    const snapshot = (await rec.waitFor('order_snapshot', () => true, mark)) as Order[];
    expect(snapshot.map((o) => o.id)).toContain(placed.data.id);
    await rec.waitFor('reconnection', () => true, mark);
    await rec.waitFor('order_cancel', (o) => (o as Order).id === placed.data.id, mark);
    expect(sim.faults.connections().filter((c) => c.authenticated)).toHaveLength(1);
  });

  it('dms: closing the system cancels the account orders; REST agrees with the WebSocket view', async () => {
    const watcher = start({ systemIdPrefix: 'watcher.' });
    const trader = start({ dms: true, systemIdPrefix: 'trader.' });
    await watcher.rec.waitFor('balance_update');
    await trader.rec.waitFor('authenticated');
    const placed = await trader.bfx.ws.inputs.submitOrder({ type: 'EXCHANGE LIMIT', symbol: 'tBTCUSD', amount: 0.01, price: 1000 });
    await watcher.rec.waitFor('order_new', (o) => (o as Order).id === placed.data.id);
    expect((await watcher.bfx.rest.auth.getOrders()).map((o) => o.id)).toContain(placed.data.id);
    await trader.bfx.close();
    const cancelled = (await watcher.rec.waitFor('order_cancel', (o) => (o as Order).id === placed.data.id)) as Order;
    expect(cancelled.orderStatus).toBe('CANCELED');
    expect((await watcher.bfx.rest.auth.getOrders()).map((o) => o.id)).not.toContain(placed.data.id);
    const restWallets = await watcher.bfx.rest.auth.getWallets();
    const wsWallets = new Map<string, Wallet>();
    for (const e of watcher.rec.events) {
      if (e.event === 'wallet_snapshot') for (const w of e.args[0] as Wallet[]) wsWallets.set(`${w.walletType}:${w.currency}`, w);
      if (e.event === 'wallet_update') wsWallets.set(`${(e.args[0] as Wallet).walletType}:${(e.args[0] as Wallet).currency}`, e.args[0] as Wallet);
    }
    for (const w of restWallets) expect(wsWallets.get(`${w.walletType}:${w.currency}`)?.balance).toBeCloseTo(w.balance, 8);
  });

  it('the key, the secret and the signature never reach the log (debug level) or the inspector', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bfx-auth-log-'));
    const logFile = join(dir, 'bfx.log');
    const inspected: string[] = [];
    try {
      const { bfx, rec } = start({ logLevel: 'debug', logFile, inspect: (ev) => inspected.push(JSON.stringify(ev, (_k, v: unknown) => (typeof v === 'function' ? undefined : v)) ?? '') });
      await rec.waitFor('balance_update');
      await bfx.ws.inputs.submitOrder({ type: 'EXCHANGE LIMIT', symbol: 'tBTCUSD', amount: 0.01, price: 1000 });
      const mark = rec.events.length;
      sim.faults.dropAll();
      await rec.waitFor('reconnection', () => true, mark);
      await rec.waitFor('authenticated', () => true, mark);
      await bfx.close();
      const bad = start({ apiSecret: 'another-secret-value', logLevel: 'debug', logFile, systemIdPrefix: 'bad.' });
      await bad.rec.waitFor('error', (e) => e instanceof AuthError);
      await bad.bfx.close();
      const log = await readFile(logFile, 'utf8');
      expect(log.length).toBeGreaterThan(0);
      expect(inspected.length).toBeGreaterThan(0);
      for (const text of [log, inspected.join('\n')]) {
        expect(text).not.toContain(apiKey);
        expect(text).not.toContain(apiSecret);
        expect(text).not.toContain('another-secret-value');
        expect(text).not.toMatch(/[0-9a-f]{96}/);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('frames the simulated engine never produces (fou, fcn, fcu, fln, flu, fte, ftu) decode over the full path too', async () => {
    const { bfx, rec } = start();
    const names = ['funding_offer_update', 'funding_credit_new', 'funding_credit_update', 'funding_loan_new', 'funding_loan_update', 'funding_trade_execution', 'funding_trade_execution_update'] as const;
    for (const n of names) bfx.ws.on(n, (arg: unknown) => (rec.emit as (e: string, a: unknown) => void)(n, arg));
    await rec.waitFor('balance_update');
    const ctx = exchangeAccount(sim.exchange.account(apiKey))!.ctx;
    const offer = authFunding[1]![2];
    const credit = authFunding[5]![2];
    const loan = authFunding[7]![2];
    const mark = rec.events.length;
    for (const frame of [['fou', offer], ['fcn', credit], ['fcu', credit], ['fln', loan], ['flu', loan], ['fte', authTrades[2]![2]], ['ftu', authTrades[3]![2]]] as const) {
      ctx.emit([frame[0], frame[1]]);
    }
    await rec.waitFor('funding_trade_execution_update', () => true, mark);
    expect(rec.names(mark)).toEqual([...names]);
    expect(rec.events[mark + 1]!.args[0]).toMatchObject({ id: 26223578, positionPair: 'tBTCUST' });
    expect(rec.events[mark + 5]!.args[0]).toMatchObject({ id: 636854, offerId: 41238905, rate: 0.002 });
  });
});
