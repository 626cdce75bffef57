/**
 * Bitfinex order status strings: `ACTIVE`, `PARTIALLY FILLED @ 915.9(0.22)`,
 * `EXECUTED @ 916.2(0.78): was PARTIALLY FILLED @ 915.9(0.22)`, `CANCELED`,
 * `CANCELED was: PARTIALLY FILLED @ 915.9(0.22)`. Consecutive fills at one price form one entry.
 *
 * @module
 */
import { fmt } from './numbers.js';
import type { FillRec } from './state.js';

function at(f: FillRec): string {
  return `@ ${fmt(f.price)}(${fmt(f.amount)})`;
}

/** Merge consecutive fills at the same price (one entry per price level, as the matching engine reports). */
function levels(fills: readonly FillRec[]): FillRec[] {
  const out: FillRec[] = [];
  for (const f of fills) {
    const last = out[out.length - 1];
    if (last !== undefined && last.price === f.price) out[out.length - 1] = { price: f.price, amount: last.amount + f.amount };
    else out.push(f);
  }
  return out;
}

function history(fills: readonly FillRec[]): string {
  return fills
    .slice()
    .reverse()
    .map((f) => `PARTIALLY FILLED ${at(f)}`)
    .join(', ');
}

/** Status after the last fill: executed when `done`, else partially filled (newest fill first). */
export function fillStatus(all: readonly FillRec[], done: boolean): string {
  const fills = levels(all);
  const last = fills[fills.length - 1];
  if (last === undefined) return 'ACTIVE';
  const head = `${done ? 'EXECUTED' : 'PARTIALLY FILLED'} ${at(last)}`;
  return fills.length > 1 ? `${head}: was ${history(fills.slice(0, -1))}` : head;
}

/** Status of a cancelled order (`prefix` e.g. `CANCELED`, `POSTONLY CANCELED`, `FILLORKILL CANCELED`). */
export function cancelStatus(fills: readonly FillRec[], prefix = 'CANCELED'): string {
  return fills.length === 0 ? prefix : `${prefix} was: ${history(levels(fills))}`;
}
