import { describe, expect, it } from 'vitest';
import { cancelStatus, fillStatus } from '../../src/simulator/exchange/order-status.js';

describe('order status strings', () => {
  it('formats single, multi-level and cancelled fills like Bitfinex', () => {
    expect(fillStatus([], false)).toBe('ACTIVE');
    expect(fillStatus([{ price: 107.6, amount: -0.2 }], true)).toBe('EXECUTED @ 107.6(-0.2)');
    expect(fillStatus([{ price: 915.9, amount: 0.22 }], false)).toBe('PARTIALLY FILLED @ 915.9(0.22)');
    expect(fillStatus([{ price: 915.9, amount: 0.22 }, { price: 916.2, amount: 0.78 }], true)).toBe(
      'EXECUTED @ 916.2(0.78): was PARTIALLY FILLED @ 915.9(0.22)',
    );
    expect(fillStatus([{ price: 1, amount: 0.1 }, { price: 2, amount: 0.2 }, { price: 3, amount: 0.3 }], true)).toBe(
      'EXECUTED @ 3(0.3): was PARTIALLY FILLED @ 2(0.2), PARTIALLY FILLED @ 1(0.1)',
    );
    expect(cancelStatus([])).toBe('CANCELED');
    expect(cancelStatus([{ price: 915.9, amount: 0.22 }])).toBe('CANCELED was: PARTIALLY FILLED @ 915.9(0.22)');
  });

  it('merges consecutive fills at one price into one entry', () => {
    const fills = [{ price: 10, amount: 0.1 }, { price: 10, amount: 0.2 }, { price: 11, amount: 0.5 }];
    expect(fillStatus(fills, true)).toBe('EXECUTED @ 11(0.5): was PARTIALLY FILLED @ 10(0.3)');
  });
});
