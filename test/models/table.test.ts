import { describe, expect, expectTypeOf, it } from 'vitest';
import { models, type Order, type PulseMessage, type PulseProfile, type Wallet } from '../../src/models/index.js';

/** python-v3-surface.md §5.1 names with their wire lengths (protocol.md §2.4 where longer). */
const LENGTHS: Record<string, number> = {
  PlatformStatus: 1, TradingPairTicker: 10, FundingCurrencyTicker: 16, TickersHistory: 13,
  TradingPairTrade: 4, FundingCurrencyTrade: 5, TradingPairBook: 3, FundingCurrencyBook: 4,
  TradingPairRawBook: 3, FundingCurrencyRawBook: 4, Statistic: 2, Candle: 6, DerivativesStatus: 23,
  Liquidation: 12, Leaderboard: 10, FundingStatistic: 12, PulseProfile: 17, PulseMessage: 22,
  TradingMarketAveragePrice: 2, FundingMarketAveragePrice: 2, FxRate: 1, UserInfo: 55, LoginHistory: 8,
  BalanceAvailable: 1, Order: 32, Position: 20, Trade: 12, FundingTrade: 8, OrderTrade: 12, Ledger: 9,
  FundingOffer: 21, FundingCredit: 22, FundingLoan: 21, FundingAutoRenew: 4, FundingInfo: 6, Wallet: 7,
  Transfer: 8, Withdrawal: 9, DepositAddress: 6, LightningNetworkInvoice: 5, Movement: 22,
  SymbolMarginInfo: 6, BaseMarginInfo: 6, PositionClaim: 20, PositionIncreaseInfo: 18, PositionIncrease: 4,
  PositionHistory: 14, PositionSnapshot: 14, PositionAudit: 20, DerivativePositionCollateral: 1,
  DerivativePositionCollateralLimits: 2, BalanceInfo: 2,
};

describe('the model table', () => {
  it('has all 52 array-backed models plus Notification, each named for its key', () => {
    expect(Object.keys(LENGTHS)).toHaveLength(52);
    expect(Object.keys(models).sort()).toEqual([...Object.keys(LENGTHS), 'Notification'].sort());
    for (const [name, model] of Object.entries(models)) {
      expect(model.name).toBe(name);
      expect(typeof model.decode).toBe('function');
      expect(typeof model.encode).toBe('function');
    }
  });

  it('describes the full wire length of every model', () => {
    for (const [name, length] of Object.entries(LENGTHS)) {
      expect([name, models[name as keyof typeof models].length]).toEqual([name, length]);
    }
    expect(models.Notification.length).toBe(8);
  });

  it('uses camelCase names of §5.1 and the protocol-only fields', () => {
    expect(models.Order.fields[7]).toBe('amountOrig');
    expect(models.Order.fields[13]).toBe('orderStatus');
    expect(models.Order.fields[31]).toBe('meta');
    expect(models.FundingOffer.fields[20]).toBe('rateReal');
    expect(models.FundingCredit.fields[19]).toBe('rateReal');
    expect(models.FundingCredit.fields[21]).toBe('positionPair');
    expect(models.FundingTrade.fields[7]).toBe('maker');
    expect(models.Ledger.fields[2]).toBe('wallet');
    expect(models.UserInfo.fields[26]).toBe('twoFactorsAuthenticationModes');
    expect(models.UserInfo.fields[54]).toBe('isMerchantEnterprise');
    expect(models.PulseMessage.fields[18]).toBe('profile');
    for (const model of Object.values(models)) {
      for (const f of model.fields) if (f !== null) expect(f).toMatch(/^[a-z][A-Za-z0-9]*$/);
    }
  });

  it('types decoded fields (checked by tsc)', () => {
    const o = models.Order.decode([1]);
    expectTypeOf(o.amountOrig).toEqualTypeOf<number>();
    expectTypeOf(o.gid).toEqualTypeOf<number | null>();
    expectTypeOf(o.meta).toEqualTypeOf<Record<string, unknown> | null>();
    expectTypeOf(o).toEqualTypeOf<Order>();
    // @ts-expect-error amountOrig is a number, not a string
    const s: string = o.amountOrig;
    expect(s).toBeNull(); // missing field at run time
    expectTypeOf(models.Wallet.decode([]).availableBalance).toEqualTypeOf<number | null>();
    expectTypeOf<Wallet['walletType']>().toEqualTypeOf<string>();
    expectTypeOf<PulseMessage['profile']>().toEqualTypeOf<PulseProfile | null>();
  });
});
