/**
 * Validation of order inputs (`on` payloads and `auth/w/order/submit` bodies). Numbers may be
 * JSON numbers or decimal strings. Failures carry Bitfinex-like texts and the partial order a
 * failed `on-req` notification echoes.
 *
 * @module
 */
import type { MarketEngine } from '../contracts.js';
import { fmt, isRecord, splitPair, toInteger, toNumber } from './numbers.js';
import { partialOrderArray } from './wire.js';

/** Every order type Bitfinex accepts. */
export const ORDER_TYPES: readonly string[] = [
  'LIMIT', 'MARKET', 'STOP', 'STOP LIMIT', 'TRAILING STOP', 'FOK', 'IOC',
  'EXCHANGE LIMIT', 'EXCHANGE MARKET', 'EXCHANGE STOP', 'EXCHANGE STOP LIMIT', 'EXCHANGE TRAILING STOP',
  'EXCHANGE FOK', 'EXCHANGE IOC',
];

/** Order flags. */
export const FLAG = { HIDDEN: 64, CLOSE: 512, REDUCE_ONLY: 1024, POST_ONLY: 4096, OCO: 16384 } as const;

/** Minimum order sizes by base currency (fallback {@link DEFAULT_MIN_SIZE}). */
export const MIN_SIZES: Readonly<Record<string, number>> = {
  BTC: 0.0002, ETH: 0.004, LTC: 0.08, BTCF0: 0.0002, ETHF0: 0.004, LTCF0: 0.08, XRP: 4, EOS: 2,
};
/** Minimum size of a pair not in {@link MIN_SIZES}. */
export const DEFAULT_MIN_SIZE = 0.0001;

/** A validated new-order request. */
export interface NewOrderReq {
  readonly type: string;
  readonly symbol: string;
  readonly amount: number;
  /** Undefined for market orders. */
  readonly price: number | undefined;
  readonly gid: number | null;
  readonly cid: number | null;
  readonly flags: number;
  readonly meta: Record<string, unknown>;
  readonly lev: number | null;
  readonly priceTrailing: number;
  readonly priceAuxLimit: number;
  /** Stop price of the OCO sibling (with the OCO flag). */
  readonly priceOcoStop: number | undefined;
  readonly mtsTif: number | null;
}

/** Result of {@link parseNewOrder}. */
export type ParseResult =
  | { readonly ok: true; readonly req: NewOrderReq }
  | { readonly ok: false; readonly text: string; readonly partial: unknown[] };

/** Is the base order type a market order (no price)? */
export function isMarketType(type: string): boolean {
  return type === 'MARKET' || type === 'EXCHANGE MARKET';
}

/** Parse and validate an `on` payload. */
export function parseNewOrder(market: MarketEngine, payload: unknown): ParseResult {
  const p = isRecord(payload) ? payload : {};
  const type = typeof p.type === 'string' ? p.type : undefined;
  const symbol = typeof p.symbol === 'string' ? p.symbol : undefined;
  const amount = toNumber(p.amount);
  const price = toNumber(p.price);
  const gid = toInteger(p.gid) ?? null;
  const cid = toInteger(p.cid) ?? null;
  const fail = (text: string): ParseResult => ({
    ok: false, text,
    partial: partialOrderArray({ id: 0, gid, cid, symbol: symbol ?? null, amount: amount ?? null, type: type ?? null, price: price ?? null }),
  });
  if (type === undefined || !ORDER_TYPES.includes(type)) return fail('Invalid order: type invalid');
  if (symbol === undefined || !market.isTradingPair(symbol)) return fail(`Invalid order: symbol invalid`);
  const pair = splitPair(symbol);
  if (pair === undefined) return fail('Invalid order: symbol invalid');
  if (amount === undefined || amount === 0) return fail('Invalid order: amount invalid');
  const market_ = isMarketType(type);
  const trailing = type.endsWith('TRAILING STOP');
  const priceTrailing = toNumber(p.price_trailing) ?? 0;
  if (trailing && !(priceTrailing > 0)) return fail('Invalid order: price_trailing invalid');
  if (!market_ && !trailing && (price === undefined || price <= 0)) return fail('Invalid order: price invalid');
  if (type.endsWith('STOP LIMIT') && !((toNumber(p.price_aux_limit) ?? 0) > 0)) return fail('Invalid order: price_aux_limit invalid');
  const min = MIN_SIZES[pair.base] ?? DEFAULT_MIN_SIZE;
  if (Math.abs(amount) < min) {
    return fail(`Invalid order: minimum size for ${pair.base}/${pair.quote} is ${fmt(min)}`);
  }
  const flags = toInteger(p.flags) ?? 0;
  const priceOcoStop = toNumber(p.price_oco_stop);
  if ((flags & FLAG.OCO) !== 0 && !(priceOcoStop !== undefined && priceOcoStop > 0)) return fail('Invalid order: price_oco_stop invalid');
  const lev = toInteger(p.lev) ?? null;
  if (lev !== null && (lev < 1 || lev > 100)) return fail('Invalid order: lev invalid');
  const tif = typeof p.tif === 'string' ? Date.parse(`${p.tif.replace(' ', 'T')}Z`) : NaN;
  return {
    ok: true,
    req: {
      type, symbol, amount, price: market_ || trailing ? undefined : price, gid, cid, flags,
      meta: isRecord(p.meta) ? p.meta : {}, lev,
      priceTrailing,
      priceAuxLimit: toNumber(p.price_aux_limit) ?? 0,
      priceOcoStop: (flags & FLAG.OCO) !== 0 ? priceOcoStop : undefined,
      mtsTif: Number.isFinite(tif) ? tif : null,
    },
  };
}
