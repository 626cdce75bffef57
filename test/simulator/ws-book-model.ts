/**
 * A client-side book model for the simulator tests (P0–P4 and R0, trading and funding), built
 * from protocol.md §1.10 only, used to verify every `cs` frame.
 */
import { bookChecksum } from '../../src/book/checksum.js';

interface Entry {
  readonly key: number;
  readonly id: number;
  readonly price: number;
  readonly amount: number;
}

/** A book maintained from snapshot + updates. */
export class BookModel {
  private readonly entries = new Map<number, Entry>();

  constructor(
    readonly funding: boolean,
    readonly raw: boolean,
  ) {}

  /** Resets from a snapshot. */
  snapshot(rows: readonly (readonly number[])[]): void {
    this.entries.clear();
    for (const r of rows) this.apply(r);
  }

  /** Applies one update row. */
  apply(row: readonly number[]): void {
    const f = this.funding;
    if (this.raw) {
      const [id, price, amount] = f ? [row[0], row[2], row[3]] : [row[0], row[1], row[2]];
      if (price === 0) this.entries.delete(id);
      else this.entries.set(id, { key: id, id, price, amount });
      return;
    }
    const [price, count, amount] = f ? [row[0], row[2], row[3]] : [row[0], row[1], row[2]];
    if (count === 0) this.entries.delete(price);
    else this.entries.set(price, { key: price, id: 0, price, amount });
  }

  /** Sides best first. */
  sides(): { bids: Entry[]; asks: Entry[] } {
    const all = [...this.entries.values()];
    const isBid = (e: Entry): boolean => (this.funding ? e.amount < 0 : e.amount > 0);
    const bids = all.filter(isBid).sort((a, b) => b.price - a.price || a.id - b.id);
    const asks = all.filter((e) => !isBid(e)).sort((a, b) => a.price - b.price || a.id - b.id);
    return { bids, asks };
  }

  get size(): number {
    return this.entries.size;
  }

  /** The Bitfinex checksum of the model. */
  checksum(): number {
    const { bids, asks } = this.sides();
    const pair = (e: Entry): [number, number] => [e.key, e.amount];
    return bookChecksum(bids.slice(0, 25).map(pair), asks.slice(0, 25).map(pair));
  }
}
