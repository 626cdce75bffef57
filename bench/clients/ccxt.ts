/**
 * ccxt pro (bitfinex) pointed at the blaster: markets injected with setMarkets (no REST needed),
 * one exchange instance per connection (ccxt keeps one socket per URL per instance).
 * watchOrderBook / watchTrades loops; ccxt coalesces updates between awaits, so the end is the
 * sentinel (best bid amount / trade id), not a count.
 */
import ccxt from 'ccxt';
import { MID, SENTINEL_AMOUNT, SENTINEL_TRADE_ID } from '../lib/streams.ts';
import { Latency, Meter, config, fail, ready, watchdog } from './harness.ts';

const sc = config.scenario;
watchdog(300_000);
const meter = new Meter(sc.updates);
const latency = new Latency(sc.updates);
const perConn = Math.ceil(sc.subs.length / sc.connections);

const unified = (id: string): string => `${id.slice(1, 4)}/${id.slice(4)}`;
function market(id: string): Record<string, unknown> {
  const base = id.slice(1, 4);
  const quote = id.slice(4);
  return {
    id, symbol: unified(id), base, quote, baseId: base, quoteId: quote, type: 'spot', spot: true, margin: false, swap: false,
    future: false, option: false, active: true, contract: false, precision: { amount: 8, price: 5 },
    limits: { amount: { min: 0.0001, max: 1000 }, price: {}, cost: {}, leverage: {} }, info: {},
  };
}
const markets = sc.subs.map((s) => market(s.symbol!));

interface Ex {
  loadHttpProxyAgent(): Promise<unknown>;
  setMarkets(m: unknown[]): void;
  watchOrderBook(symbol: string): Promise<{ bids: number[][] }>;
  watchTrades(symbol: string): Promise<Array<{ id: string; amount: number }>>;
}
const ProBitfinex = (ccxt as unknown as { pro: Record<string, new (o: Record<string, unknown>) => Ex> }).pro.bitfinex;

let snapshots = 0;
let doneLoops = 0;
let started = false;
const onSnapshot = (): void => {
  if (++snapshots === sc.subs.length) ready();
};
const loopDone = (): void => {
  if (++doneLoops === sc.subs.length) meter.end(sc.updates);
};
const firstUpdate = (): void => {
  if (!started) {
    started = true;
    meter.start();
  }
};

for (let c = 0; c < sc.connections; c++) {
  const mine = sc.subs.slice(c * perConn, (c + 1) * perConn);
  if (mine.length === 0) continue;
  const ex = new ProBitfinex({ urls: { api: { ws: { public: config.url, private: config.url } } }, enableRateLimit: false });
  ex.setMarkets(markets);
  await ex.loadHttpProxyAgent();
  for (const s of mine) {
    const sym = unified(s.symbol!);
    void (async () => {
      if (s.channel === 'book') {
        await ex.watchOrderBook(sym);
        onSnapshot();
        for (;;) {
          const ob = await ex.watchOrderBook(sym);
          firstUpdate();
          const best = ob.bids[0];
          if (best !== undefined && best[0] === MID - 1 && best[1] === SENTINEL_AMOUNT) return loopDone();
        }
      }
      await ex.watchTrades(sym);
      onSnapshot();
      for (;;) {
        const trades = await ex.watchTrades(sym);
        firstUpdate();
        if (sc.id === 'f') {
          for (const t of trades) {
            if (t.amount === 999) return latency.end(); // sentinel: the last trade of the paced stream
            latency.record(Number(t.id));
          }
          continue;
        }
        if (trades.length > 0 && trades[trades.length - 1].id === String(SENTINEL_TRADE_ID)) return loopDone();
      }
    })().catch((e: unknown) => fail(e));
  }
}
