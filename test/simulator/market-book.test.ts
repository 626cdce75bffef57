import { describe, expect, it } from 'vitest';
import { bookChecksum } from '../../src/book/checksum.js';
import type { BookPrecision, BookView } from '../../src/simulator/contracts.js';
import { createMarketEngine } from '../../src/simulator/market/engine.js';
import { mulberry32 } from '../../src/simulator/market/prng.js';

/**
 * An independent client-side book, maintained only from wire rows (as a Bitfinex client does):
 * snapshot, then upserts and deletes. Strict: a delete must name an existing entry on the side
 * its ±1 amount designates.
 */
class ClientBook {
  readonly bids = new Map<number, number[]>();
  readonly asks = new Map<number, number[]>();

  constructor(
    private readonly funding: boolean,
    private readonly raw: boolean,
  ) {}

  private bidSign(): number {
    return this.funding ? -1 : 1;
  }

  apply(row: readonly unknown[]): void {
    const r = row as number[];
    const amount = r[r.length - 1];
    const isDelete = this.raw ? r[this.funding ? 2 : 1] === 0 : r[this.funding ? 2 : 1] === 0;
    const side = Math.sign(amount) === this.bidSign() ? this.bids : this.asks;
    if (isDelete) {
      expect(Math.abs(amount)).toBe(1);
      expect(side.has(r[0])).toBe(true);
      side.delete(r[0]);
      return;
    }
    expect(amount).not.toBe(0);
    const other = side === this.bids ? this.asks : this.bids;
    expect(other.has(r[0])).toBe(false);
    side.set(r[0], [...r]);
  }

  private priceOf(r: readonly number[]): number {
    if (!this.raw) return r[0];
    return this.funding ? r[2] : r[1];
  }

  sorted(): { bids: number[][]; asks: number[][] } {
    const cmp = (dir: number) => (a: number[], b: number[]) => dir * (this.priceOf(a) - this.priceOf(b)) || a[0] - b[0];
    return { bids: [...this.bids.values()].sort(cmp(-1)), asks: [...this.asks.values()].sort(cmp(1)) };
  }

  rows(): number[][] {
    const s = this.sorted();
    return [...s.bids, ...s.asks];
  }

  checksum(): number {
    const s = this.sorted();
    const pair = (r: number[]): [number, number] => [r[0], r[r.length - 1]];
    return bookChecksum(s.bids.slice(0, 25).map(pair), s.asks.slice(0, 25).map(pair));
  }
}

const PRECS: readonly BookPrecision[] = ['P0', 'P1', 'P2', 'P3', 'P4', 'R0'];

interface Tracked {
  readonly view: BookView;
  readonly model: ClientBook;
}

function runInvariant(symbol: string, lens: readonly number[], ticks: number, seed: number): { drains: number; deletes: number } {
  let now = 1_700_000_000_000;
  const market = createMarketEngine({ seed, clock: () => now });
  const funding = symbol.startsWith('f');
  const rng = mulberry32(seed * 31 + 7);
  const tracked: Tracked[] = [];
  for (const prec of PRECS) {
    for (const len of lens) {
      const view = market.openBookView(symbol, prec, len);
      const model = new ClientBook(funding, prec === 'R0');
      for (const row of view.snapshot()) model.apply(row);
      expect(model.rows()).toEqual(market.bookSnapshot(symbol, prec, len));
      expect(model.checksum()).toBe(view.checksum());
      tracked.push({ view, model });
    }
  }
  let drains = 0;
  let deletes = 0;
  for (let i = 0; i < ticks; i++) {
    now += 37;
    if (i % 97 === 96) {
      // A crossing taker order through several levels, as the exchange's matching does.
      const amount = (rng.next() < 0.5 ? -1 : 1) * (funding ? 20_000 : 0.5);
      market.take(symbol, amount);
    } else {
      market.tick(symbol);
    }
    for (const t of tracked) {
      if (rng.next() > 0.35 && i !== ticks - 1) continue;
      const updates = t.view.drain();
      drains++;
      for (const u of updates) {
        if (u.length === (funding ? 4 : 3) && u[funding ? 2 : 1] === 0) deletes++;
        t.model.apply(u);
      }
      expect(t.model.bids.size).toBeLessThanOrEqual(t.view.len);
      expect(t.model.asks.size).toBeLessThanOrEqual(t.view.len);
      expect(t.model.rows()).toEqual(market.bookSnapshot(symbol, t.view.prec, t.view.len));
      expect(t.model.checksum()).toBe(t.view.checksum());
    }
  }
  for (const t of tracked) {
    expect(t.view.drain()).toEqual([]);
    t.view.close();
  }
  return { drains, deletes };
}

// Each of these walks thousands of market steps through 24 views with a strict client model:
// ~15 s alone, up to twice that on a loaded 2-core machine, so they get more than the default 30 s.
describe('book views: snapshot + drained updates always equal the book', { timeout: 120_000 }, () => {
  it('trading tBTCUSD, P0–P4 and R0, len 1/25/100/250', () => {
    const r = runInvariant('tBTCUSD', [1, 25, 100, 250], 2500, 11);
    expect(r.drains).toBeGreaterThan(10_000);
    expect(r.deletes).toBeGreaterThan(100);
  });

  it('funding fUSD, P0–P4 and R0, len 1/25/100/250', () => {
    const r = runInvariant('fUSD', [1, 25, 100, 250], 2500, 12);
    expect(r.deletes).toBeGreaterThan(100);
  });

  it('tiny prices (tBTTUSD: 9.5e-7, exponent notation) and a derivative', () => {
    runInvariant('tBTTUSD', [25, 250], 1500, 13);
    runInvariant('tBTCF0:USTF0', [1, 25], 1500, 14);
  });

  it('a full window keeps exactly len levels per side', () => {
    const market = createMarketEngine({ seed: 5, clock: () => 1_700_000_000_000 });
    for (const prec of ['P0', 'R0'] as const) {
      for (const len of [1, 25, 100, 250]) {
        const rows = market.bookSnapshot('tETHUSD', prec, len);
        const bids = rows.filter((r) => (r[r.length - 1] as number) > 0);
        expect(bids.length).toBe(len);
        expect(rows.length - bids.length).toBe(len);
      }
    }
  });

  it('deletes carry COUNT 0 and AMOUNT ±1 matching the side (trading and funding)', () => {
    let now = 1_700_000_000_000;
    const market = createMarketEngine({ seed: 9, clock: () => now });
    const t = market.openBookView('tBTCUSD', 'P0', 1);
    const f = market.openBookView('fUSD', 'P0', 1);
    const tr = market.openBookView('tBTCUSD', 'R0', 1);
    const fr = market.openBookView('fUSD', 'R0', 1);
    const before = { t: t.snapshot(), f: f.snapshot(), tr: tr.snapshot(), fr: fr.snapshot() };
    market.take('tBTCUSD', 100);
    market.take('fUSD', 10_000_000);
    now += 1000;
    const tUpd = t.drain();
    expect(tUpd).toContainEqual([before.t[1][0], 0, -1]);
    const fUpd = f.drain();
    expect(fUpd).toContainEqual([before.f[0][0], before.f[0][1], 0, -1]);
    expect(tr.drain()).toContainEqual([before.tr[1][0], 0, -1]);
    expect(fr.drain()).toContainEqual([before.fr[0][0], before.fr[0][1], 0, -1]);
  });
});
