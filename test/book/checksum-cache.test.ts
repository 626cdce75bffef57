import { describe, expect, it } from 'vitest';
import { createManagedBook } from '../../src/book/index.js';
import {
  bookChecksum,
  CHECKSUM_SEED,
  checksumSegment,
  checksumSegmentOfText,
  crc32,
  finishChecksum,
  foldSegment,
} from '../../src/book/checksum.js';
import { prng } from './reference.js';

const asRow = (row: readonly number[]): number[] => [...row];
const pairs = (rows: readonly number[][], amount = 2): [number, number][] => rows.map((r) => [r[0], r[amount]]);

describe('incremental checksum segments', () => {
  const special = [
    0, -0, 1, -1, 0.1, 0.2, 0.1 + 0.2, 1 / 3, -2 / 3, 1e-6, -1e-6, 9.99999999e-7, 1.1e-6, 7e-7, 1e-7, 5e-324,
    0.00000001, 0.12345678, 0.123456789, 999999.99999999, 999999.999999999, 1e6, -1e6, 1000000.5, 2147483647,
    2147483648, -2147483648, 2 ** 53, 1e15, 1e21, 1.5e21, Number.MAX_VALUE, 86699, 86699.5, 12345.6789, 0.0002,
    100.1, 4.35, 1.005, 123456.12345678,
  ];

  it('a number segment equals the segment of its String() text (special values)', () => {
    for (const key of special) {
      for (const amount of special) {
        const expected = checksumSegmentOfText(`:${String(key)}:${String(amount)}`);
        expect(checksumSegment(key, amount), `${key} / ${amount}`).toBe(expected);
      }
    }
  });

  it('a number segment equals the segment of its String() text (200,000 random values, all magnitudes)', () => {
    const rand = prng(5);
    for (let i = 0; i < 200_000; i++) {
      const exponent = Math.floor(rand() * 24) - 12;
      const decimals = Math.floor(rand() * 13);
      let x = rand() * 10 ** exponent;
      if (i % 3 !== 0) x = Number(x.toFixed(decimals));
      if (rand() < 0.5) x = -x;
      const key = i % 2 === 0 ? x : Math.floor(rand() * 1e7);
      const amount = i % 2 === 0 ? Number((rand() * 4 - 2).toFixed(8)) : x;
      const text = `:${String(key)}:${String(amount)}`;
      const got = checksumSegment(key, amount);
      if (got !== checksumSegmentOfText(text)) expect(got, text).toBe(checksumSegmentOfText(text));
    }
  });

  it('folding segments from the seed is the CRC-32 of the joined text', () => {
    const rand = prng(8);
    for (let n = 1; n <= 50; n++) {
      const parts: string[] = [];
      let state = CHECKSUM_SEED;
      for (let i = 0; i < n; i++) {
        const key = Number((rand() * 1e5).toFixed(Math.floor(rand() * 4)));
        const amount = Number((rand() * 100 - 50).toFixed(Math.floor(rand() * 9)));
        parts.push(String(key), String(amount));
        state = foldSegment(state, checksumSegment(key, amount));
      }
      expect(finishChecksum(state)).toBe(crc32(parts.join(':')));
    }
  });
});

describe('managed book checksum cache', () => {
  it("a changed row's new text is used (replace, insert above, delete, side change)", () => {
    const book = createManagedBook({ funding: false, raw: false }, asRow);
    const bids = [
      [100, 1, 1.5],
      [99, 1, 2.25],
      [98, 2, 0.125],
    ];
    const asks = [
      [101, 1, -1],
      [102, 3, -0.5],
    ];
    book.applySnapshot([...bids, ...asks]);
    const before = book.checksum();
    expect(before).toBe(bookChecksum(pairs(bids), pairs(asks)));

    // Same level, new amount: the cached `:99:2.25` must not be reused.
    book.apply([99, 1, 2.26]);
    const changed = book.checksum();
    expect(changed).toBe(bookChecksum(pairs([bids[0], [99, 1, 2.26], bids[2]]), pairs(asks)));
    expect(changed).not.toBe(before);

    // A new best bid shifts the cached rows down; a delete shifts them back up.
    book.apply([100.5, 1, 0.3]);
    expect(book.checksum()).toBe(bookChecksum(pairs([[100.5, 1, 0.3], bids[0], [99, 1, 2.26], bids[2]]), pairs(asks)));
    book.apply([100, 0, 1]);
    expect(book.checksum()).toBe(bookChecksum(pairs([[100.5, 1, 0.3], [99, 1, 2.26], bids[2]]), pairs(asks)));

    // A level that moves side drops its old place and gets a fresh segment on the new side.
    book.apply([102, 1, 0.75]);
    expect(book.checksum()).toBe(bookChecksum(pairs([[102, 1, 0.75], [100.5, 1, 0.3], [99, 1, 2.26], bids[2]]), pairs([asks[0]])));

    book.reset();
    expect(book.checksum()).toBe(0);
    book.applySnapshot(bids);
    expect(book.checksum()).toBe(bookChecksum(pairs(bids), []));
  });

  it('R0: a replaced order gets a fresh segment', () => {
    const book = createManagedBook({ funding: false, raw: true }, asRow);
    book.applySnapshot([
      [7, 100, 1],
      [3, 100, 2],
      [9, 102, -1],
    ]);
    book.checksum();
    book.apply([3, 100, 2.5]);
    expect(book.checksum()).toBe(
      bookChecksum(
        [
          [3, 2.5],
          [7, 1],
        ],
        [[9, -1]],
      ),
    );
  });
});
