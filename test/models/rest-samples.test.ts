import { describe, expect, it } from 'vitest';
import { decodeNotification, models } from '../../src/models/index.js';
import { frame } from './samples.js';

const rows = (name: string, i: number): unknown[][] => frame(name, i) as unknown[][];

describe('REST samples', () => {
  it('tickers, trades and books', () => {
    expect(models.TradingPairTicker.decode(frame('rest-public-ticker', 0))).toMatchObject({
      bid: 73350,
      ask: 73351,
      lastPrice: 73350,
      high: 73583,
      low: 68643,
    });
    const ft = models.FundingCurrencyTicker.decode(frame('rest-public-ticker', 2));
    expect(ft.frr).toBe(0.0009239);
    expect(ft.volume).toBe(14032554.7966796);
    expect(ft.frrAmountAvailable).toBeNull();
    const trades = models.TradingPairTrade.decodeList(rows('rest-public-trades', 0));
    expect(trades[0]).toEqual({ id: 32179419, mts: 1494853783000, amount: -0.04824433, price: 1760.2 });
    expect(models.FundingCurrencyTrade.decodeList(rows('rest-public-trades', 1))[6].period).toBe(5);
    expect(models.TradingPairBook.decodeList(rows('rest-public-book', 0))).toEqual([
      { price: 8744.9, count: 2, amount: 0.45603413 },
    ]);
    expect(models.TradingPairRawBook.decodeList(rows('rest-public-book', 1))[0].orderId).toBe(34006738527);
    expect(models.FundingCurrencyBook.decodeList(rows('rest-public-book', 2))[0]).toEqual({
      rate: 0.0003301,
      period: 30,
      count: 1,
      amount: -3862.874,
    });
    expect(models.FundingCurrencyRawBook.decodeList(rows('rest-public-book', 3))[0].offerId).toBe(645902785);
  });

  it('candles hist and last', () => {
    const [c] = models.Candle.decodeList(rows('rest-public-candles', 0));
    expect(c).toEqual({ mts: 1678465320000, open: 20097, close: 20114, high: 20125, low: 20094, volume: 1.43504645 });
    expect(models.Candle.decode(frame('rest-public-candles', 1)).close).toBe(20094);
  });

  it('platform status, derivatives status (keyed and hist), liquidations, funding stats', () => {
    expect(models.PlatformStatus.decode(frame('rest-public-status', 0))).toEqual({ status: 1 });
    const keyed = rows('rest-public-status', 1)[0];
    expect(keyed[0]).toBe('tAMPF0:USTF0');
    const d = models.DerivativesStatus.decode(keyed.slice(1));
    expect(d.mts).toBe(1596124822000);
    expect(d.derivPrice).toBe(0.896);
    expect(d.currentFunding).toBe(-0.01381344);
    expect(d.markPrice).toBe(0.7664);
    expect(d.openInterest).toBe(246502.09001551);
    expect(d.clampMax).toBe(0.0025);
    expect(models.DerivativesStatus.decodeList(rows('rest-public-status', 2))[0].markPrice).toBe(8192.823333333334);
    const [liq] = models.Liquidation.decodeList(rows('rest-public-status', 3));
    expect(liq).toEqual({
      posId: 158793100,
      mts: 1678465351520,
      symbol: 'tAMPF0:USTF0',
      amount: 1e-8,
      basePrice: 1.0093,
      isMatch: 0,
      isMarketSold: 1,
      liquidationPrice: 1.0098,
    });
    const [fs] = models.FundingStatistic.decodeList(rows('rest-public-status', 4));
    expect(fs).toEqual({
      mts: 1678467900000,
      frr: 1.87e-6,
      avgPeriod: 68.88,
      fundingAmount: 3230660371.4429536,
      fundingAmountUsed: 2988430006.4623938,
      fundingBelowThreshold: 1447938775.5708046,
    });
  });

  it('calc endpoints', () => {
    expect(models.TradingMarketAveragePrice.decode(frame('rest-public-calc', 0))).toEqual({
      priceAvg: 24187.614862350845,
      amount: 1.123,
    });
    expect(models.FxRate.decode(frame('rest-public-calc', 1))).toEqual({ currentRate: 8668.65 });
  });

  it('wallets, margin info and available balance', () => {
    const [w] = models.Wallet.decodeList(rows('rest-auth-wallets-margin', 0));
    expect(w.walletType).toBe('exchange');
    expect(w.currency).toBe('UST');
    expect(w.balance).toBe(19788.6529257);
    expect(w.availableBalance).toBe(19788.6529257);
    expect(w.tradeDetails).toMatchObject({ order_cid: 1598516362757 });
    expect(models.BaseMarginInfo.decode(frame('rest-auth-wallets-margin', 1)).marginMin).toBe(4975.291049394);
    const sym = models.SymbolMarginInfo.decode(frame('rest-auth-wallets-margin', 2));
    expect(sym.symbol).toBe('tBTCUSD');
    expect(sym.sell).toBe(62.676711921295684);
    expect(models.BalanceAvailable.decode(frame('rest-auth-wallets-margin', 3))).toEqual({ amount: 0.8056309 });
  });

  it('user info, ledgers and movements', () => {
    const u = models.UserInfo.decode(frame('rest-auth-account', 0));
    expect(u.id).toBe(123456);
    expect(u.email).toBe('email@email.com');
    expect(u.username).toBe('AccountName');
    expect(u.verificationLevel).toBe(3);
    expect(u.timezone).toBe('Lisbon');
    expect(u.locale).toBe('en');
    expect(u.company).toBe('bitfinex');
    expect(u.groupId).toBe(79);
    expect(u.masterAccountId).toBe(123456);
    expect(u.twoFactorsAuthenticationModes).toEqual(['u2f']);
    expect(u.timeLastLogin).toBe('2022-09-06T12:14:14.600Z');
    expect(u.compCountries).toEqual(['FR', 'FR_Paris']);
    expect(u.isMerchantEnterprise).toBe(1);
    const [l] = models.Ledger.decodeList(rows('rest-auth-account', 7));
    expect(l).toEqual({
      id: 2531822314,
      currency: 'USD',
      wallet: 'margin',
      mts: 1573521810000,
      amount: 0.01644445,
      balance: 0,
      description: 'Settlement @ 185.79 on wallet margin',
    });
    const mv = models.Movement.decodeList(rows('rest-auth-account', 8));
    expect(mv[1]).toMatchObject({
      id: 13293039,
      currency: 'ETH',
      currencyName: 'ETHEREUM',
      mtsStart: 1574175052000,
      status: 'CANCELED',
      amount: -0.24,
      fees: -0.00135,
      destinationAddress: 'DESTINATION_ADDRESS',
      transactionId: 'TRANSACTION_ID',
      withdrawTransactionNote: 'Purchase of 100 pizzas',
    });
    const info = models.Movement.decode(frame('rest-auth-account', 9)); // movements/info: longer row
    expect(info.currency).toBe('EUR');
    expect(info.withdrawTransactionNote).toBe('testing note');
  });

  it('transfer, deposit address and withdrawal notifications', () => {
    const tf = decodeNotification(frame('rest-auth-account', 10), models.Transfer);
    expect(tf.type).toBe('acc_tf');
    expect(tf.data).toEqual({
      mts: 1568736745790,
      walletFrom: 'margin',
      walletTo: 'exchange',
      currency: 'USD',
      currencyTo: null,
      amount: 50,
    });
    const dep = decodeNotification(frame('rest-auth-account', 11), models.DepositAddress);
    expect(dep.data).toEqual({ method: 'BITCOIN', currencyCode: 'BTC', address: 'YOURADDRESS', poolAddress: null });
    const wd = decodeNotification(frame('rest-auth-account', 12), models.Withdrawal);
    expect(wd.text).toBe('Your withdrawal request has been successfully submitted.');
    expect(wd.data).toMatchObject({ withdrawalId: 13080092, method: 'ethereum', wallet: 'exchange', withdrawalFee: 0.00135 });
  });

  it('order submit (list of orders, MTS in seconds) and cancel (single / multi)', () => {
    const sub = decodeNotification(frame('rest-auth-order-submit', 0), models.Order, { list: true });
    expect(sub.mts).toBe(1717587431);
    expect(sub.type).toBe('on-req');
    expect(sub.text).toBe('Submitting 1 orders.');
    expect(sub.data).toHaveLength(1);
    expect(sub.data[0]).toMatchObject({
      id: 156523558501,
      symbol: 'tLTCUST',
      amountOrig: 0.1,
      orderType: 'EXCHANGE LIMIT',
      orderStatus: 'ACTIVE',
      price: 50,
      routing: 'API>BFX',
      meta: {},
    });
    // Asked for a single row, [[order]] is unwrapped to the order.
    expect(decodeNotification(frame('rest-auth-order-submit', 1), models.Order).data?.symbol).toBe('tLTCF0:USTF0');
    const oc = decodeNotification(frame('rest-auth-order-cancel', 1), models.Order);
    expect(oc.type).toBe('oc-req');
    expect(oc.data).toMatchObject({ id: 1747566428, orderStatus: 'CANCELED', typePrev: 'EXCHANGE LIMIT', price: 25000 });
    const multi = decodeNotification(frame('rest-auth-order-cancel', 2), models.Order, { list: true });
    expect(multi.type).toBe('oc_multi-req');
    expect(multi.data.map((o) => o.id)).toEqual([1747566428]);
  });
});
