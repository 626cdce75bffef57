import { describe, expect, it } from 'vitest';
import { ORDER_TYPES, OrderFlag, parseOrderStatus, WALLET_TYPES } from '../../src/models/index.js';

describe('enums and the order status parser', () => {
  it('has the protocol flag values and order types', () => {
    expect(OrderFlag).toEqual({
      HIDDEN: 64,
      CLOSE: 512,
      REDUCE_ONLY: 1024,
      POST_ONLY: 4096,
      OCO: 16384,
      NO_VAR_RATES: 524288,
    });
    expect(ORDER_TYPES).toHaveLength(14);
    expect(ORDER_TYPES).toContain('EXCHANGE TRAILING STOP');
    expect(WALLET_TYPES).toEqual(['exchange', 'margin', 'funding']);
  });

  it.each([
    ['ACTIVE', 'ACTIVE', [], null],
    ['EXECUTED @ 107.6(-0.2)', 'EXECUTED', [{ price: 107.6, amount: -0.2 }], null],
    ['PARTIALLY FILLED @ 915.9(0.22)', 'PARTIALLY FILLED', [{ price: 915.9, amount: 0.22 }], null],
    ['INSUFFICIENT MARGIN was: PARTIALLY FILLED @ 915.9(0.22)', 'INSUFFICIENT MARGIN', [{ price: 915.9, amount: 0.22 }], null],
    ['CANCELED', 'CANCELED', [], null],
    ['CANCELED was: PARTIALLY FILLED @ 42.821(-1e-8)', 'CANCELED', [{ price: 42.821, amount: -1e-8 }], null],
    [
      'EXECUTED @ 916.2(0.78): was PARTIALLY FILLED @ 915.9(0.22)',
      'EXECUTED',
      [
        { price: 916.2, amount: 0.78 },
        { price: 915.9, amount: 0.22 },
      ],
      null,
    ],
    ['ACTIVE (note:POSCLOSE)', 'ACTIVE', [], 'POSCLOSE'],
    ['RSN_DUST', 'RSN_DUST', [], null],
    ['RSN_PAUSE', 'RSN_PAUSE', [], null],
  ])('parses %j', (status, state, fills, note) => {
    expect(parseOrderStatus(status)).toEqual({ state, fills, note });
  });
});
