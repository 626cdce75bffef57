import { describe, expect, it } from 'vitest';
import { decodeNotification, models, parseOrderStatus } from '../../src/models/index.js';
import { eventData } from './samples.js';

describe('authenticated WebSocket samples (channel 0)', () => {
  it('os snapshot: order id, symbol, amounts, type, status, price', () => {
    const [o] = models.Order.decodeList(eventData('ws-auth-orders', 0) as unknown[][]);
    expect(o.id).toBe(34930659963);
    expect(o.gid).toBeNull();
    expect(o.cid).toBe(1574955083558);
    expect(o.symbol).toBe('tETHUSD');
    expect(o.mtsCreate).toBe(1574955083558);
    expect(o.mtsUpdate).toBe(1574955083573);
    expect(o.amount).toBe(0.201104);
    expect(o.amountOrig).toBe(0.201104);
    expect(o.orderType).toBe('EXCHANGE LIMIT');
    expect(o.flags).toBe(0);
    expect(o.orderStatus).toBe('ACTIVE');
    expect(o.price).toBe(120);
    expect(o.routing).toBe('BFX');
    expect(o.meta).toBeNull();
  });

  it('ou/oc updates and an executed order with its average price and meta', () => {
    const ou = models.Order.decode(eventData('ws-auth-orders', 2));
    expect(ou.typePrev).toBe('LIMIT');
    expect(ou.amount).toBe(-3);
    const oc = models.Order.decode(eventData('ws-auth-orders', 3));
    expect(oc.orderStatus).toBe('CANCELED');
    const ex = models.Order.decode(eventData('ws-auth-orders', 5));
    expect(ex.amount).toBe(0);
    expect(ex.amountOrig).toBe(0.1);
    expect(ex.price).toBe(42.799);
    expect(ex.priceAvg).toBe(42.821);
    expect(ex.meta).toEqual({});
    expect(parseOrderStatus(ex.orderStatus!)).toEqual({
      state: 'EXECUTED',
      fills: [{ price: 42.821, amount: 0.1 }],
      note: null,
    });
  });

  it('positions: snapshot with null calculated values, update with P/L and meta', () => {
    const [p] = models.Position.decodeList(eventData('ws-auth-positions', 0) as unknown[][]);
    expect(p.symbol).toBe('tETHUST');
    expect(p.status).toBe('ACTIVE');
    expect(p.amount).toBe(0.2);
    expect(p.basePrice).toBe(153.71);
    expect(p.pl).toBeNull();
    expect(p.positionId).toBe(142420429);
    expect(p.type).toBe(0);
    const pu = models.Position.decode(eventData('ws-auth-positions', 1));
    expect(pu.pl).toBe(-0.07944800000000068);
    expect(pu.plPerc).toBe(-0.05855181835925015);
    expect(pu.priceLiq).toBe(67.52755254906451);
    expect(pu.leverage).toBe(1.409288545397275);
    expect(pu.collateralMin).toBe(0);
    expect(pu.meta).toMatchObject({ reason: 'TRADE', order_id: 34934099168 });
  });

  it('wallets: snapshot (available balance null) and update with trade details', () => {
    const [w] = models.Wallet.decodeList(eventData('ws-auth-wallets', 0) as unknown[][]);
    expect(w).toEqual({
      walletType: 'exchange',
      currency: 'SAN',
      balance: 19.76,
      unsettledInterest: 0,
      availableBalance: null,
      lastChange: null,
      tradeDetails: null,
    });
    const wu = models.Wallet.decode(eventData('ws-auth-wallets', 1));
    expect(wu.currency).toBe('BTC');
    expect(wu.balance).toBe(1.61169184);
    expect(wu.lastChange).toBe('Exchange 0.01 BTC for USD @ 7804.6');
    expect(wu.tradeDetails).toMatchObject({ order_id: 34988418651, trade_price: '7804.6' });
  });

  it('own trades: te without fee, tu with fee, short legacy frames, fte with maker', () => {
    const te = models.Trade.decode(eventData('ws-auth-trades', 0));
    expect(te).toEqual({
      id: 402088407,
      symbol: 'tETHUST',
      mtsCreate: 1574963975602,
      orderId: 34938060782,
      execAmount: -0.2,
      execPrice: 153.57,
      orderType: 'MARKET',
      orderPrice: 0,
      maker: -1,
      fee: null,
      feeCurrency: null,
      cid: 0,
    });
    const tu = models.Trade.decode(eventData('ws-auth-trades', 1));
    expect(tu.fee).toBe(-0.061668);
    expect(tu.feeCurrency).toBe('USD');
    expect(tu.cid).toBeNull(); // 11-field frame: the missing CID decodes as null
    const legacy = models.Trade.decode(eventData('ws-auth-trades', 4));
    expect(legacy.execPrice).toBe(915.9);
    expect(legacy.fee).toBeNull();
    const fte = models.FundingTrade.decode(eventData('ws-auth-trades', 2));
    expect(fte).toEqual({
      id: 636854,
      currency: 'fUSD',
      mtsCreate: 1575282446000,
      offerId: 41238905,
      amount: -1000,
      rate: 0.002,
      period: 7,
      maker: null,
    });
  });

  it('funding offers, credits and loans', () => {
    const [fo] = models.FundingOffer.decodeList(eventData('ws-auth-funding', 0) as unknown[][]);
    expect(fo.id).toBe(41237920);
    expect(fo.symbol).toBe('fETH');
    expect(fo.amountOrig).toBe(0.5);
    expect(fo.offerType).toBe('LIMIT');
    expect(fo.offerStatus).toBe('ACTIVE');
    expect(fo.rate).toBe(0.0024);
    expect(fo.period).toBe(2);
    expect(fo.renew).toBe(0);
    expect(fo.rateReal).toBeNull();
    expect(models.FundingOffer.decode(eventData('ws-auth-funding', 3)).offerStatus).toBe('CANCELED');
    const credits = models.FundingCredit.decodeList(eventData('ws-auth-funding', 4) as unknown[][]);
    expect(credits.map((c) => [c.id, c.side, c.positionPair])).toEqual([
      [26223578, 1, 'tBTCUST'],
      [26223711, -1, 'tETHUSD'],
    ]);
    expect(credits[1].rate).toBe(0.002);
    expect(credits[1].period).toBe(7);
    expect(credits[1].mtsLastPayout).toBe(1575295587000);
    const loan = models.FundingLoan.decode(eventData('ws-auth-funding', 7));
    expect(loan.id).toBe(2995444);
    expect(loan.amount).toBe(1000);
    expect(loan.status).toBe('ACTIVE');
    expect(loan.noClose).toBe(0);
    expect('positionPair' in loan).toBe(false);
  });

  it('margin (base and sym), balance and funding info updates', () => {
    const base = models.BaseMarginInfo.decode(eventData('ws-auth-margin-balance', 0));
    expect(base).toEqual({
      userPl: -13.014640000000007,
      userSwaps: 0,
      marginBalance: 49331.70267297,
      marginNet: 49318.68803297,
      marginMin: 27,
    });
    const sym = models.SymbolMarginInfo.decode(eventData('ws-auth-margin-balance', 1));
    expect(sym).toEqual({
      symbol: 'tETHUSD',
      tradableBalance: 149361.09689202666,
      grossBalance: 149639.26293509,
      buy: 830.0182168075556,
      sell: 895.0658432466332,
    });
    expect(models.BalanceInfo.decode(eventData('ws-auth-margin-balance', 2))).toEqual({ aum: 4131.85, aumNet: 4131.85 });
    const fi = models.FundingInfo.decode(eventData('ws-auth-margin-balance', 3));
    expect(fi).toEqual({
      symbol: 'fUSD',
      yieldLoan: 0.0008595462068208099,
      yieldLend: 0,
      durationLoan: 1.8444560185185186,
      durationLend: 0,
    });
  });

  it('n notifications: type, status, text and the decoded order / funding offer', () => {
    const n = decodeNotification(eventData('ws-auth-notifications', 0), models.Order);
    expect(n.mts).toBe(1575287438.515);
    expect(n.type).toBe('on-req');
    expect(n.status).toBe('SUCCESS');
    expect(n.text).toBe('Submitting limit sell order for -2.5 ETH.');
    expect(n.data?.id).toBe(1185815098);
    expect(n.data?.amountOrig).toBe(-2.5);
    expect(n.data?.price).toBe(230);
    const fon = decodeNotification(eventData('ws-auth-notifications', 3), models.FundingOffer);
    expect(fon.type).toBe('fon-req');
    expect(fon.data).toMatchObject({ id: 41238934, symbol: null, amount: 500, rate: 0.02, period: 2 });
    const err = decodeNotification(eventData('ws-auth-notifications', 7), models.Order);
    expect(err.status).toBe('ERROR');
    expect(err.text).toBe('Order not found.');
    expect(err.data?.id).toBeNull();
    expect(err.data?.cid).toBe(1);
    const noMts = decodeNotification(eventData('ws-auth-notifications', 9), models.Order);
    expect(noMts.mts).toBeNull();
    expect(noMts.data?.orderType).toBe('EXCHANGE MARKET');
    expect(noMts.data?.cid).toBe(1513970684865000);
  });
});
