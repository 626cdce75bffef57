import { describe, expect, it } from 'vitest';
import { models } from '../../src/models/index.js';
import { eventData, frame, payload } from './samples.js';

describe('public WebSocket samples', () => {
  it('trading ticker: named fields, with and without the 2026 trailing null', () => {
    const t = models.TradingPairTicker.decode(payload('ws-ticker-trading', 0));
    expect(t).toEqual({
      bid: 7616.5,
      bidSize: 31.89055171,
      ask: 7617.5,
      askSize: 43.358118629999986,
      dailyChange: -550.8,
      dailyChangeRelative: -0.0674,
      lastPrice: 7617.1,
      volume: 8314.71200815,
      high: 8257.8,
      low: 7500,
    });
    const t11 = models.TradingPairTicker.decode(payload('ws-ticker-trading', 3));
    expect(t11.lastPrice).toBe(86717);
    expect(t11.low).toBe(85156);
  });

  it('funding ticker: frr, periods and frrAmountAvailable (null on 13-field 2017 frames)', () => {
    const t = models.FundingCurrencyTicker.decode(payload('ws-ticker-funding', 0));
    expect(t.frr).toBe(0.0003193369863013699);
    expect(t.bidPeriod).toBe(30);
    expect(t.askPeriod).toBe(2);
    expect(t.low).toBe(6.8e-7);
    expect(t.frrAmountAvailable).toBe(3441851.73330503);
    const old = models.FundingCurrencyTicker.decode(payload('ws-ticker-funding', 2));
    expect(old.frr).toBe(0.00078458);
    expect(old.frrAmountAvailable).toBeNull();
  });

  it('trading and funding trade snapshots and te/fte updates', () => {
    const snap = models.TradingPairTrade.decodeList(payload('ws-trades-trading-snapshot', 1) as unknown[][]);
    expect(snap).toEqual([
      { id: 401597393, mts: 1574694475039, amount: 0.005, price: 7244.9 },
      { id: 401597392, mts: 1574694470503, amount: -0.01, price: 7245.3 },
    ]);
    const f = models.FundingCurrencyTrade.decodeList(payload('ws-trades-funding-snapshot', 0) as unknown[][]);
    expect(f[0]).toEqual({ id: 133323072, mts: 1574694245478, amount: -258.7458086, rate: 0.0002587, period: 2 });
    expect(models.TradingPairTrade.decode(eventData('ws-trades-updates', 0)).price).toBe(7245.3);
    expect(models.FundingCurrencyTrade.decode(eventData('ws-trades-updates', 2)).rate).toBe(0.00023647);
    // A sequence number after the row is not part of the row.
    expect(models.TradingPairTrade.decode(eventData('ws-trades-updates', 5)).id).toBe(5690221201);
  });

  it('books: P0 snapshot, update, R0 delete, funding book and funding raw book', () => {
    const p0 = models.TradingPairBook.decodeList(payload('ws-book-p0-snapshot', 0) as unknown[][]);
    expect(p0[0]).toEqual({ price: 1921.8, count: 1, amount: 0.17974513 });
    expect(p0.filter((l) => l.amount < 0)[0]).toEqual({ price: 1921.9, count: 1, amount: -5.12 });
    expect(models.TradingPairBook.decode(payload('ws-book-updates', 0))).toEqual({ price: 7254.5, count: 0, amount: 1 });
    expect(models.TradingPairRawBook.decode(payload('ws-book-updates', 1))).toEqual({
      orderId: 34753006045,
      price: 0,
      amount: -1,
    });
    const fb = models.FundingCurrencyBook.decodeList(payload('ws-book-funding', 0) as unknown[][]);
    expect(fb).toEqual([{ rate: 0.00023112, period: 30, count: 1, amount: -15190.7005375 }]);
    const fr = models.FundingCurrencyRawBook.decodeList(payload('ws-book-funding', 2) as unknown[][]);
    expect(fr).toEqual([{ offerId: 658282397, period: 30, rate: 0.000233, amount: -530 }]);
    const bulk = models.TradingPairBook.decodeList(payload('ws-flags-seq-timestamp-bulk', 1) as unknown[][]);
    expect(bulk.map((l) => l.price)).toEqual([86717, 86816, 86647, 86735]);
  });

  it('candles: snapshot and update keep the O, C, H, L wire order', () => {
    const [c] = models.Candle.decodeList(payload('ws-candles', 0) as unknown[][]);
    expect(c).toEqual({
      mts: 1574698260000,
      open: 7379.785503,
      close: 7383.8,
      high: 7388.3,
      low: 7379.785503,
      volume: 1.68829482,
    });
    const u = models.Candle.decode(payload('ws-candles', 1));
    expect(u.open).toBe(7399.9);
    expect(u.close).toBe(7379.7);
  });

  it('derivatives status: markPrice and the clamps (null on the shorter 2019 frame)', () => {
    const d = models.DerivativesStatus.decode(payload('ws-status-deriv', 1));
    expect(d.mts).toBe(1790133734000);
    expect(d.derivPrice).toBe(86710.46123944);
    expect(d.spotPrice).toBe(86670.5);
    expect(d.insuranceFundBalance).toBe(62210384.95685668);
    expect(d.nextFundingEvtMts).toBe(1790150400000);
    expect(d.nextFundingStep).toBe(3873);
    expect(d.markPrice).toBe(86676.3172);
    expect(d.openInterest).toBe(8851.89352831);
    expect(d.clampMin).toBe(0.0005);
    expect(d.clampMax).toBe(0.0025);
    const old = models.DerivativesStatus.decode(payload('ws-status-deriv', 0));
    expect(old.markPrice).toBe(7237.91);
    expect(old.clampMin).toBeNull();
  });

  it('liquidation feed: the extra wrapping array is unwrapped', () => {
    const raw = payload('ws-status-liq', 0);
    const l = models.Liquidation.decode(raw);
    expect(l).toEqual({
      posId: 142397657,
      mts: 1574697680828.2002,
      symbol: 'tBSVUSD',
      amount: -2.62932,
      basePrice: 91.583875238719,
      isMatch: 1,
      isMarketSold: 1,
      liquidationPrice: 112.27,
    });
    // The same payload read as a list of bare rows gives the same liquidation.
    expect(models.Liquidation.decodeList(raw as unknown[][])).toEqual([l]);
    expect(frame('ws-status-liq', 0)[0]).toBe(91684);
  });
});
