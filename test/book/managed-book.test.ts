import { describe, expect, it } from 'vitest';
import { createManagedBook, type ManagedBook } from '../../src/book/index.js';
import { BfxProtocolError } from '../../src/errors.js';
import { prng, randomRows, ReferenceBook, type ReferenceShape } from './reference.js';

const asRow = (row: readonly number[]): number[] => [...row];

const shapes: [string, ReferenceShape][] = [
  ['trading P', { funding: false, raw: false }],
  ['funding P', { funding: true, raw: false }],
  ['trading R0', { funding: false, raw: true }],
  ['funding R0', { funding: true, raw: true }],
];

function expectSame(book: ManagedBook<number[]>, ref: ReferenceBook): void {
  expect(book.bids()).toEqual(ref.bids());
  expect(book.asks()).toEqual(ref.asks());
  expect(book.bidCount).toBe(ref.bids().length);
  expect(book.checksum()).toBe(ref.checksum());
}

describe('managed books vs a naive reference', () => {
  for (const [name, shape] of shapes) {
    for (const seed of [1, 2, 3]) {
      it(`${name}, seed ${seed}: 1500 random updates`, () => {
        const book = createManagedBook(shape, asRow);
        const ref = new ReferenceBook(shape);
        const rows = randomRows(shape, seed, 1500);
        rows.forEach((row, i) => {
          book.apply(row);
          ref.apply(row);
          if (i % 25 === 0) expectSame(book, ref);
        });
        expectSame(book, ref);
        expect(book.bidCount + book.askCount).toBeGreaterThan(10);
      });
    }

    it(`${name}: snapshot replaces the book; reset empties it`, () => {
      const book = createManagedBook(shape, asRow);
      const ref = new ReferenceBook(shape);
      const rows = randomRows(shape, 9, 300);
      for (const row of rows.slice(0, 100)) book.apply(row);
      const snapshot = rows.slice(100, 200).filter((r) => (shape.raw ? r[shape.funding ? 2 : 1] !== 0 : r[shape.funding ? 2 : 1] !== 0));
      book.applySnapshot(snapshot);
      for (const row of snapshot) ref.apply(row);
      expectSame(book, ref);
      book.reset();
      expect(book.bids()).toEqual([]);
      expect(book.asks()).toEqual([]);
      expect(book.bestBid()).toBeUndefined();
      expect(book.spread()).toBeUndefined();
    });
  }
});

describe('managed book accessors', () => {
  it('top N, best bid / ask and spread (trading P)', () => {
    const book = createManagedBook({ funding: false, raw: false }, asRow);
    book.applySnapshot([
      [100, 1, 1],
      [99.5, 2, 3],
      [99, 1, 2],
      [101, 1, -1],
      [102, 4, -5],
    ]);
    expect(book.bids(2)).toEqual([
      [100, 1, 1],
      [99.5, 2, 3],
    ]);
    expect(book.asks(10)).toEqual([
      [101, 1, -1],
      [102, 4, -5],
    ]);
    expect(book.bids(0)).toEqual([]);
    expect(book.bestBid()).toEqual([100, 1, 1]);
    expect(book.bestAsk()).toEqual([101, 1, -1]);
    expect(book.spread()).toBe(1);
    book.apply([101, 0, -1]);
    expect(book.spread()).toBe(2);
    // Rounded to the prices' decimals, not the float difference (0.1000000000003638).
    const fine = createManagedBook({ funding: false, raw: false }, asRow);
    fine.applySnapshot([
      [95000.1, 1, 1],
      [95000.2, 1, -1],
    ]);
    expect(fine.spread()).toBe(0.1);
  });

  it('a level that changes side moves (P); a delete with the wrong sign still deletes', () => {
    const book = createManagedBook({ funding: false, raw: false }, asRow);
    book.applySnapshot([[100, 1, 1]]);
    book.apply([100, 1, -2]);
    expect(book.bids()).toEqual([]);
    expect(book.asks()).toEqual([[100, 1, -2]]);
    book.apply([100, 0, 1]);
    expect(book.asks()).toEqual([]);
  });

  it('R0: equal prices are ordered by id ascending on both sides; an order may move price', () => {
    const book = createManagedBook({ funding: false, raw: true }, asRow);
    book.applySnapshot([
      [7, 100, 1],
      [3, 100, 2],
      [5, 101, 1],
      [9, 102, -1],
      [4, 102, -1],
    ]);
    expect(book.bids().map((r) => r[0])).toEqual([5, 3, 7]);
    expect(book.asks().map((r) => r[0])).toEqual([4, 9]);
    book.apply([3, 99, 2]);
    expect(book.bids().map((r) => r[0])).toEqual([5, 7, 3]);
    book.apply([5, 0, 1]);
    expect(book.bids().map((r) => r[0])).toEqual([7, 3]);
    expect(book.spread()).toBe(2);
  });

  it('funding books: negative amounts are bids (best = highest rate), positive are asks', () => {
    const book = createManagedBook({ funding: true, raw: false }, asRow);
    book.applySnapshot([
      [0.0002, 30, 1, -100],
      [0.0003, 2, 1, -50],
      [0.0004, 2, 1, 10],
      [0.0005, 2, 1, 20],
    ]);
    expect(book.bestBid()).toEqual([0.0003, 2, 1, -50]);
    expect(book.bestAsk()).toEqual([0.0004, 2, 1, 10]);
    expect(book.spread()).toBeCloseTo(0.0001, 12);
  });

  it('rejects rows without numbers with a protocol error', () => {
    const book = createManagedBook({ funding: false, raw: false }, asRow);
    expect(() => book.apply(['x', 1, 1] as unknown as number[])).toThrow(BfxProtocolError);
    expect(() => book.apply([1, 1] as unknown as number[])).toThrow(BfxProtocolError);
    expect(() => book.apply(null as unknown as number[])).toThrow(BfxProtocolError);
    expect(book.bidCount).toBe(0);
  });

  it('prng is deterministic', () => {
    const a = prng(42);
    const b = prng(42);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });
});
