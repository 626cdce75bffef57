/**
 * Subscription records: validating what the user asked for into a {@link Subscription}, the
 * subscribe frame sent for it, matching the server's `subscribed` / `error` reply back to it, and
 * the key that identifies duplicates.
 *
 * @module
 */
import { BfxArgumentError } from '../../errors.js';
import {
  invalidArgument,
  validateBookLength,
  validateCandleKey,
  validatePrecision,
  validateString,
  validateSymbol,
} from '../../rest/validate.js';
import type { BookParams, Channel, ChannelParams, Frequency, Subscription } from '../contracts.js';

/** Every public channel. */
export const CHANNELS: readonly Channel[] = ['ticker', 'trades', 'book', 'candles', 'status'];

const FREQUENCIES: readonly string[] = ['F0', 'F1'];
/**
 * What a sub id may be: 1 to 64 letters, digits, `_ - . :` (a UUID, a nanoid, an ObjectId fit).
 * Bounded so that no subscribe frame can be a poison pill (a 2 MB id made the server close the socket).
 */
const SUB_ID = /^[A-Za-z0-9_.:-]{1,64}$/;
const LIQUIDATIONS_KEY = 'liq:global';
const DERIV_PREFIX = 'deriv:';

function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value);
}

function validateFrequency(value: unknown): Frequency {
  if (typeof value === 'string' && FREQUENCIES.includes(value)) return value as Frequency;
  return invalidArgument('freq', 'F0 or F1', value);
}

/** A status key: `deriv:` + a trading symbol (`deriv:tBTCF0:USTF0`) or `liq:global`. */
function validateStatusKey(value: unknown): string {
  if (value === LIQUIDATIONS_KEY) return value;
  if (typeof value === 'string' && value.startsWith(DERIV_PREFIX)) {
    validateSymbol(value.slice(DERIV_PREFIX.length), 'trading', 'key symbol');
    return value;
  }
  return invalidArgument('key', 'a status key like "deriv:tBTCF0:USTF0" or "liq:global"', value);
}

function normalizeBook(params: BookParams, subId: string): Subscription {
  return {
    subId,
    channel: 'book',
    symbol: validateSymbol(params.symbol, 'any', 'symbol'),
    prec: validatePrecision(params.prec ?? 'P0', true, 'prec'),
    freq: validateFrequency(params.freq ?? 'F0'),
    len: String(validateBookLength(params.len ?? '25', 'len')) as Subscription['len'],
  };
}

/**
 * Validate `params` for `channel` and build the subscription record (book defaults P0 / F0 / "25"
 * filled in, `len` as a string).
 *
 * @throws {BfxArgumentError} for an unknown channel, a bad sub id or bad params.
 */
export function normalizeSubscription<C extends Channel>(channel: C, params: ChannelParams[C], subId: string): Subscription {
  if (!isChannel(channel)) invalidArgument('channel', `one of ${CHANNELS.join(', ')}`, channel);
  validateString(subId, 'subId');
  if (!SUB_ID.test(subId)) invalidArgument('subId', '1 to 64 characters of A-Z a-z 0-9 _ - . :', subId);
  if (params === null || typeof params !== 'object') {
    throw new BfxArgumentError(`Invalid params for channel ${channel}: expected an object`, 'params');
  }
  const p = params as Partial<Record<'symbol' | 'key', unknown>>;
  switch (channel as Channel) {
    case 'ticker':
    case 'trades':
      return { subId, channel, symbol: validateSymbol(p.symbol, 'any', 'symbol') };
    case 'book':
      return normalizeBook(params as BookParams, subId);
    case 'candles':
      return { subId, channel, key: validateCandleKey(p.key, 'key') };
    case 'status':
      return { subId, channel, key: validateStatusKey(p.key) };
  }
}

/** The `subscribe` frame for `sub`: `{event:'subscribe', channel, ...params, subId}`. */
export function subscribeFrame(sub: Subscription): Record<string, unknown> {
  const frame: Record<string, unknown> = { event: 'subscribe', channel: sub.channel };
  if (sub.symbol !== undefined) frame.symbol = sub.symbol;
  if (sub.prec !== undefined) frame.prec = sub.prec;
  if (sub.freq !== undefined) frame.freq = sub.freq;
  if (sub.len !== undefined) frame.len = sub.len;
  if (sub.key !== undefined) frame.key = sub.key;
  frame.subId = sub.subId;
  return frame;
}

/** `ack[field]` is absent or equals `value` (as a string: the server echoes `len` as one). */
const echoes = (ack: Record<string, unknown>, field: string, value: string | undefined): boolean =>
  ack[field] === undefined || value === undefined || String(ack[field]) === value;

/**
 * Whether a server reply (`subscribed` ack or `error` echoing the request) belongs to `sub`.
 * An echoed `subId` decides alone; otherwise channel and params must agree.
 */
export function ackMatches(sub: Subscription, ack: Record<string, unknown>): boolean {
  if (ack.subId !== undefined && ack.subId !== null) return String(ack.subId) === sub.subId;
  if (ack.channel !== sub.channel) return false;
  if (sub.key !== undefined) return ack.key === sub.key;
  return (
    ack.symbol === sub.symbol &&
    echoes(ack, 'prec', sub.prec) &&
    echoes(ack, 'freq', sub.freq) &&
    echoes(ack, 'len', sub.len)
  );
}

/** The dedupe key of a subscription, e.g. `book:tBTCUSD:P0:F0:25`, `ticker:tBTCUSD`, `candles:trade:1m:tBTCUSD`. */
export function subscriptionKey(sub: Subscription): string {
  switch (sub.channel) {
    case 'ticker':
    case 'trades':
      return `${sub.channel}:${sub.symbol}`;
    case 'book':
      return `book:${sub.symbol}:${sub.prec}:${sub.freq}:${sub.len}`;
    case 'candles':
    case 'status':
      return `${sub.channel}:${sub.key}`;
  }
}
