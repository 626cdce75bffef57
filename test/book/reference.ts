/**
 * A naive reference book (a Map re-sorted on every read) and a seeded random row generator, to
 * check the managed books against.
 */
import { bookChecksum } from '../../src/book/checksum.js';
import { mulberry32 } from '../../src/simulator/market/prng.js';

/** Deterministic PRNG (mulberry32, the simulator's generator) returning floats in [0, 1). */
export function prng(seed: number): () => number {
  return mulberry32(seed).next;
}

/** Which wire layout the reference book reads. */
export interface ReferenceShape {
  readonly funding: boolean;
  readonly raw: boolean;
}

/** The naive book. */
export class ReferenceBook {
  readonly #rows = new Map<number, number[]>();
  readonly #price: number;
  readonly #amount: number;
  readonly #count: number;

  constructor(readonly shape: ReferenceShape) {
    this.#amount = shape.funding ? 3 : 2;
    this.#price = shape.raw ? (shape.funding ? 2 : 1) : 0;
    this.#count = shape.funding ? 2 : 1;
  }

  apply(row: number[]): void {
    const deleting = this.shape.raw ? row[this.#price] === 0 : row[this.#count] === 0;
    if (deleting) this.#rows.delete(row[0]);
    else this.#rows.set(row[0], row);
  }

  #isBid(row: number[]): boolean {
    return row[this.#amount] > 0 !== this.shape.funding;
  }

  bids(): number[][] {
    return [...this.#rows.values()].filter((r) => this.#isBid(r)).sort((a, b) => b[this.#price] - a[this.#price] || a[0] - b[0]);
  }

  asks(): number[][] {
    return [...this.#rows.values()].filter((r) => !this.#isBid(r)).sort((a, b) => a[this.#price] - b[this.#price] || a[0] - b[0]);
  }

  checksum(): number {
    const pair = (r: number[]): [number, number] => [r[0], r[this.#amount]];
    return bookChecksum(this.bids().slice(0, 25).map(pair), this.asks().slice(0, 25).map(pair));
  }
}

/** Random wire rows for a book shape: upserts on both sides, deletes, price moves (R0). */
export function randomRows(shape: ReferenceShape, seed: number, n: number): number[][] {
  const rand = prng(seed);
  const int = (k: number): number => Math.floor(rand() * k);
  const rows: number[][] = [];
  const live: number[] = [];
  const price = (): number => (shape.funding ? (1 + int(60)) * 1e-6 : Number((100 + int(80) * 0.1).toFixed(1)));
  const amount = (): number => Number(((1 + int(2000)) / 1000).toFixed(3)) * (rand() < 0.5 ? 1 : -1);
  for (let i = 0; i < n; i++) {
    const r = rand();
    if (shape.raw) {
      const id = r < 0.3 && live.length > 0 ? live[int(live.length)] : 1000 + int(300);
      if (r < 0.15 && live.length > 0) {
        rows.push(shape.funding ? [id, 2, 0, 1] : [id, 0, rand() < 0.5 ? 1 : -1]);
      } else {
        live.push(id);
        rows.push(shape.funding ? [id, 2 + int(28), price(), amount()] : [id, price(), amount()]);
      }
    } else {
      const key = price();
      const a = amount();
      const del = r < 0.3;
      const count = del ? 0 : 1 + int(5);
      const amt = del ? Math.sign(a) : a;
      rows.push(shape.funding ? [key, 2 + int(28), count, amt] : [key, count, amt]);
    }
  }
  return rows;
}
