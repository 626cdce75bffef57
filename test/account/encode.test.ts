import { describe, expect, it } from 'vitest';
import { BfxArgumentError } from '../../src/errors.js';
import { createCidSource, cidDate, MAX_CID } from '../../src/ws/account/cid.js';
import { decimalString, encodePayload } from '../../src/ws/account/encode.js';

describe('decimalString', () => {
  it.each([
    [1e-7, '0.0000001'],
    [6.8e-7, '0.00000068'],
    [-3.8e-7, '-0.00000038'],
    [1.5e21, '1500000000000000000000'],
    [1.234e22, '12340000000000000000000'],
    [0.006000000000000001, '0.006000000000000001'],
    [20000, '20000'],
    [-0.5, '-0.5'],
    [0, '0'],
  ])('%s → %s', (n, text) => {
    expect(decimalString(n)).toBe(text);
    expect(Number(decimalString(n))).toBe(n);
  });

  it('passes decimal strings through and rejects the rest', () => {
    expect(decimalString('1.0')).toBe('1.0');
    expect(() => decimalString('1e-7', 'amount')).toThrow(BfxArgumentError);
    expect(() => decimalString(Number.NaN, 'price')).toThrow(/price must be a finite number/);
    expect(() => decimalString(Infinity)).toThrow(BfxArgumentError);
  });
});

describe('encodePayload', () => {
  const rules = {
    amount: { wire: 'amount', as: 'decimal' },
    priceAuxLimit: { wire: 'price_aux_limit', as: 'decimal' },
    gid: { wire: 'gid', as: 'integer' },
    all: { wire: 'all', as: 'flag' },
  } as const;

  it('maps names, drops undefined, turns booleans into 1/0', () => {
    expect(encodePayload({ amount: 1e-7, priceAuxLimit: undefined, gid: 3, all: true }, rules, 't')).toEqual({ amount: '0.0000001', gid: 3, all: 1 });
    expect(encodePayload({ all: false }, rules, 't')).toEqual({ all: 0 });
  });

  it('rejects unknown options and non-integers with the option name', () => {
    expect(() => encodePayload({ amout: 1 }, rules, 'submitOrder')).toThrow(/unknown option "amout"/);
    try {
      encodePayload({ gid: 1.5 }, rules, 't');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(BfxArgumentError);
      expect((e as BfxArgumentError).argument).toBe('gid');
    }
  });
});

describe('cid source', () => {
  it('is unique and increasing when the clock stalls or steps back, and fits 45 bits', () => {
    const times = [1000, 1000, 999, 1001, 5000];
    const next = createCidSource(() => times.shift() ?? 5000);
    expect([next(), next(), next(), next(), next()]).toEqual([1000, 1001, 1002, 1003, 5000]);
    expect(createCidSource()()).toBeLessThanOrEqual(MAX_CID);
    expect(cidDate(Date.UTC(2016, 11, 5, 23, 59))).toBe('2016-12-05');
  });
});
