/**
 * Validation of `subscribe` requests and the exact shapes of `subscribed` acks and subscribe
 * errors (protocol.md §1.5, §1.12): ack key order `event, channel, chanId, symbol, prec, freq,
 * len, [subId,] pair|currency`; errors echo the request fields, then `event, msg, code,
 * [chanId,] pair|currency`.
 *
 * @module
 */
import type { MarketEngine } from '../contracts.js';
import type { ChannelName, ChannelSpec } from './types.js';

/** A subscribe request as received. */
export type SubscribeRequest = Readonly<Record<string, unknown>>;

/** Outcome of validating a subscribe request. */
export type SubscribeCheck =
  | { readonly kind: 'ok'; readonly spec: ChannelSpec }
  | { readonly kind: 'error'; readonly msg: string }
  /** Unknown `deriv:` key: Bitfinex does not answer at all. */
  | { readonly kind: 'silent' };

const PRECISIONS = new Set(['P0', 'P1', 'P2', 'P3', 'P4', 'R0']);
const LENGTHS = new Set(['1', '25', '100', '250']);
const CHANNELS = new Set<string>(['ticker', 'trades', 'book', 'candles', 'status']);

const fail = (msg: string): SubscribeCheck => ({ kind: 'error', msg });

function checkSymbol(market: MarketEngine, req: SubscribeRequest): string | SubscribeCheck {
  const raw = req.symbol;
  const symbol = typeof raw === 'string' ? market.normalizeSymbol(raw) : undefined;
  return symbol ?? fail('symbol: invalid');
}

function checkBook(req: SubscribeRequest, symbol: string): SubscribeCheck {
  const prec = req.prec ?? 'P0';
  if (typeof prec !== 'string' || !PRECISIONS.has(prec)) return fail('precision: invalid');
  const freq = req.freq ?? 'F0';
  if (freq !== 'F0' && freq !== 'F1') return fail('freq: invalid');
  const len = String(req.len ?? '25');
  if (!LENGTHS.has(len)) return fail('length: invalid');
  return { kind: 'ok', spec: { channel: 'book', symbol, prec: prec as ChannelSpec['prec'], freq, len: Number(len), dupKey: `book|${symbol}|${prec}|${freq}|${len}` } };
}

function checkCandles(market: MarketEngine, req: SubscribeRequest): SubscribeCheck {
  const key = req.key;
  if (typeof key !== 'string') return fail('key: invalid');
  // trade:TF:tSYMBOL (the pair may hold a colon: tBTCF0:USTF0) or trade:TF:fCCY:pN[...]
  const parts = key.split(':');
  const raw = parts[2]?.startsWith('f') ? parts[2] : parts.slice(2).join(':');
  const symbol = parts.length >= 3 ? market.normalizeSymbol(raw) : undefined;
  if (!symbol || market.candles(key, { limit: 1 }) === undefined) return fail('key: invalid');
  return { kind: 'ok', spec: { channel: 'candles', symbol, key, dupKey: `candles|${key}` } };
}

function checkStatus(market: MarketEngine, req: SubscribeRequest): SubscribeCheck {
  const key = req.key;
  if (key === 'liq:global') return { kind: 'ok', spec: { channel: 'status', symbol: undefined, key, dupKey: `status|${key}` } };
  if (typeof key !== 'string' || !key.startsWith('deriv:')) return fail('key: invalid');
  const symbol = market.normalizeSymbol(key.slice('deriv:'.length));
  if (!symbol || market.derivStatus(symbol) === undefined) return { kind: 'silent' };
  return { kind: 'ok', spec: { channel: 'status', symbol, key, dupKey: `status|${key}` } };
}

/** Validates a subscribe request. */
export function checkSubscribe(market: MarketEngine, req: SubscribeRequest): SubscribeCheck {
  const channel = typeof req.channel === 'string' && CHANNELS.has(req.channel) ? (req.channel as ChannelName) : undefined;
  if (!channel) return fail('channel: unknown');
  if (channel === 'candles') return checkCandles(market, req);
  if (channel === 'status') return checkStatus(market, req);
  const symbol = checkSymbol(market, req);
  if (typeof symbol !== 'string') return symbol;
  if (channel === 'book') return checkBook(req, symbol);
  return { kind: 'ok', spec: { channel, symbol, dupKey: `${channel}|${symbol}` } };
}

/** `pair` (trading, without the `t`) or `currency` (funding) for a symbol-based channel. */
function symbolTail(symbol: unknown): Record<string, string> {
  if (typeof symbol !== 'string') return {};
  if (symbol.startsWith('f')) return { currency: symbol.slice(1) };
  return { pair: symbol.startsWith('t') ? symbol.slice(1) : symbol };
}

const usesSymbol = (channel: unknown): boolean => channel === 'ticker' || channel === 'trades' || channel === 'book';

/** The `subscribed` ack. */
export function subscribedAck(spec: ChannelSpec, chanId: number, subId: unknown): Record<string, unknown> {
  const ack: Record<string, unknown> = { event: 'subscribed', channel: spec.channel, chanId };
  if (spec.key !== undefined) ack.key = spec.key;
  else ack.symbol = spec.symbol;
  if (spec.channel === 'book') {
    ack.prec = spec.prec;
    ack.freq = spec.freq;
    ack.len = String(spec.len);
  }
  if (subId !== undefined) ack.subId = subId;
  return usesSymbol(spec.channel) ? { ...ack, ...symbolTail(spec.symbol) } : ack;
}

/** A subscribe error echoing the request (`chanId` for `subscribe: dup`). */
export function subscribeError(req: SubscribeRequest, msg: string, code: number, chanId?: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(req)) if (k !== 'event') out[k] = v;
  out.event = 'error';
  out.msg = msg;
  out.code = code;
  if (chanId !== undefined) out.chanId = chanId;
  return usesSymbol(req.channel) ? { ...out, ...symbolTail(req.symbol) } : out;
}
