import { describe, expect, it } from 'vitest';
import { defineModel, nested } from '../../src/models/define.js';
import { models } from '../../src/models/index.js';
import { eventData, frame } from './samples.js';

const Pair = defineModel('Pair', [['a', 'number'], null, ['b', 'string?']] as const);

describe('defineModel machinery', () => {
  it('ignores extra trailing fields and gives null for missing ones', () => {
    expect(Pair.decode([1, 'skip', 'x', 'extra', 99])).toEqual({ a: 1, b: 'x' });
    expect(Pair.decode([1])).toEqual({ a: 1, b: null });
    expect(Pair.decode([])).toEqual({ a: null, b: null });
    expect(models.Order.decode([42]).meta).toBeNull();
    expect(models.TradingPairTicker.decode([...frame('rest-public-ticker', 0), null, 'future'])).toEqual(
      models.TradingPairTicker.decode(frame('rest-public-ticker', 0)),
    );
  });

  it('encodes placeholders and missing fields as null', () => {
    expect(Pair.encode({ a: 1 })).toEqual([1, null, null]);
    expect(Pair.length).toBe(3);
    expect(Pair.fields).toEqual(['a', null, 'b']);
  });

  it('round-trips wire arrays: encode(decode(x)) equals x', () => {
    const order = eventData('ws-auth-orders', 5);
    expect(models.Order.encode(models.Order.decode(order))).toEqual(order);
    const wallet = frame('rest-auth-wallets-margin', 0)[0] as unknown[];
    expect(models.Wallet.encode(models.Wallet.decode(wallet))).toEqual(wallet);
    const credit = (eventData('ws-auth-funding', 4) as unknown[][])[0];
    expect(models.FundingCredit.encode(models.FundingCredit.decode(credit))).toEqual(credit);
  });

  it('flat models flatten nested arrays and encode back to the nested wire shape', () => {
    for (const raw of [
      eventData('ws-auth-margin-balance', 0),
      eventData('ws-auth-margin-balance', 1),
      eventData('ws-auth-margin-balance', 3),
      frame('rest-auth-wallets-margin', 1),
      frame('rest-auth-wallets-margin', 2),
    ]) {
      const model =
        raw[0] === 'base' ? models.BaseMarginInfo : String(raw[1]).startsWith('f') ? models.FundingInfo : models.SymbolMarginInfo;
      const decoded = model.decode(raw) as Record<string, unknown>;
      expect(model.encode(decoded)).toEqual(raw);
    }
    const info = [[10, 0.5], [100, [1, 2, 3, 4, null, null, null, null], 7], null, null, [8, 9], ['USD', 'BTC']];
    const pi = models.PositionIncreaseInfo.decode(info);
    expect(pi).toEqual({
      maxPos: 10,
      currentPos: 0.5,
      baseCurrencyBalance: 100,
      tradableBalanceQuoteCurrency: 1,
      tradableBalanceQuoteTotal: 2,
      tradableBalanceBaseCurrency: 3,
      tradableBalanceBaseTotal: 4,
      fundingAvail: 7,
      fundingValue: 8,
      fundingRequired: 9,
      fundingValueCurrency: 'USD',
      fundingRequiredCurrency: 'BTC',
    });
    expect(models.PositionIncreaseInfo.encode(pi)).toEqual(info);
  });

  it('unwrap models accept the wrapped and the bare row; encode gives the wrapped wire form', () => {
    const wrapped = (frame('rest-public-status', 3) as unknown[][])[0];
    const bare = wrapped[0] as unknown[];
    const l = models.Liquidation.decode(wrapped);
    expect(models.Liquidation.decode(bare)).toEqual(l);
    expect(models.Liquidation.encode(l)).toEqual(wrapped);
    expect(models.DerivativePositionCollateral.decode([[1]])).toEqual({ status: 1 });
    expect(models.DerivativePositionCollateral.decode([1])).toEqual({ status: 1 });
  });

  it('nested models: PulseMessage.profile decodes [[...profile]] with PulseProfile and re-wraps', () => {
    const profile = ['puid-1', 1700000000000, null, 'nick', null, 'pic.png', 'bio', null, null, 'tw', null, 5, 6, null, null, null, 1];
    const message = [
      'pid-1', 1700000000001, null, 'puid-1', null, 'Title', 'Hello', null, null, 0, 1, 0,
      ['tag'], [], [{ k: 1 }], 3, null, null, [profile], 2, null, null,
    ];
    const m = models.PulseMessage.decode(message);
    expect(m.pid).toBe('pid-1');
    expect(m.content).toBe('Hello');
    expect(m.tags).toEqual(['tag']);
    expect(m.comments).toBe(2);
    expect(m.profile).toEqual(models.PulseProfile.decode(profile));
    expect(m.profile?.nickname).toBe('nick');
    expect(m.profile?.followers).toBe(5);
    expect(m.profile?.tippingStatus).toBe(1);
    expect(models.PulseMessage.encode(m)).toEqual(message);
    // An unwrapped profile also decodes; a missing one is null.
    expect(models.PulseMessage.decode([...message.slice(0, 18), profile]).profile?.puid).toBe('puid-1');
    expect(models.PulseMessage.decode(message.slice(0, 10)).profile).toBeNull();
  });

  it('nested() without wrapping decodes and encodes the bare array', () => {
    const Outer = defineModel('Outer', [['id', 'number'], ['inner', nested(Pair)]] as const);
    const o = Outer.decode([7, [1, null, 'z']]);
    expect(o).toEqual({ id: 7, inner: { a: 1, b: 'z' } });
    expect(Outer.encode(o)).toEqual([7, [1, null, 'z']]);
    expect(Outer.encode({ id: 7 })).toEqual([7, null]);
  });

  it('rejects field names that are not identifiers', () => {
    expect(() => defineModel('Bad', [['not-ok', 'number']] as const)).toThrow(/invalid field name/);
  });
});
