import { describe, expect, it } from 'vitest';
import { BfxArgumentError } from '../../src/errors.js';
import type { Channel, ChannelParams } from '../../src/ws/contracts.js';
import { ackMatches, normalizeSubscription, subscribeFrame, subscriptionKey } from '../../src/ws/dataplane/subscriptions.js';
import { frames } from '../models/samples.js';

describe('normalizeSubscription', () => {
  it('fills book defaults P0 / F0 / "25" and stringifies len', () => {
    expect(normalizeSubscription('book', { symbol: 'tBTCUSD' }, 'a')).toEqual({
      subId: 'a',
      channel: 'book',
      symbol: 'tBTCUSD',
      prec: 'P0',
      freq: 'F0',
      len: '25',
    });
    expect(normalizeSubscription('book', { symbol: 'fUSD', prec: 'R0', freq: 'F1', len: 100 }, 'b')).toMatchObject({
      prec: 'R0',
      freq: 'F1',
      len: '100',
    });
  });

  it('accepts every channel', () => {
    expect(normalizeSubscription('ticker', { symbol: 'fUSD' }, 't')).toEqual({ subId: 't', channel: 'ticker', symbol: 'fUSD' });
    expect(normalizeSubscription('trades', { symbol: 'tBTCF0:USTF0' }, 't').symbol).toBe('tBTCF0:USTF0');
    expect(normalizeSubscription('candles', { key: 'trade:1m:fUSD:a30:p2:p30' }, 'c').key).toBe('trade:1m:fUSD:a30:p2:p30');
    expect(normalizeSubscription('status', { key: 'deriv:tBTCF0:USTF0' }, 's').key).toBe('deriv:tBTCF0:USTF0');
    expect(normalizeSubscription('status', { key: 'liq:global' }, 's').key).toBe('liq:global');
  });

  const bad: [Channel, unknown, string, string][] = [
    ['ticker', { symbol: 'BTCUSD' }, 'x', 'symbol'],
    ['trades', {}, 'x', 'symbol'],
    ['book', { symbol: 'tBTCUSD', prec: 'P9' }, 'x', 'prec'],
    ['book', { symbol: 'tBTCUSD', freq: 'F2' }, 'x', 'freq'],
    ['book', { symbol: 'tBTCUSD', len: 30 }, 'x', 'len'],
    ['candles', { key: 'trade:2m:tBTCUSD' }, 'x', 'key timeframe'],
    ['candles', { key: 'tBTCUSD' }, 'x', 'key'],
    ['status', { key: 'deriv:BTC' }, 'x', 'key symbol'],
    ['status', { key: 'liq:local' }, 'x', 'key'],
    ['ticker', { symbol: 'tBTCUSD' }, '', 'subId'],
    ['ticker', null, 'x', 'params'],
    ['nope' as Channel, {}, 'x', 'channel'],
  ];
  for (const [channel, params, subId, argument] of bad) {
    it(`rejects ${channel} ${JSON.stringify(params)} / subId ${JSON.stringify(subId)} naming ${argument}`, () => {
      let error: unknown;
      try {
        normalizeSubscription(channel, params as ChannelParams[typeof channel], subId);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(BfxArgumentError);
      expect((error as BfxArgumentError).argument).toBe(argument);
      expect((error as BfxArgumentError).code).toBe('ERR_BFX_INVALID_ARGUMENT');
    });
  }
});

describe('subscribeFrame / ackMatches / subscriptionKey', () => {
  const acks = frames('ws-subscribe-acks') as Record<string, unknown>[];

  it('builds the subscribe frame', () => {
    const sub = normalizeSubscription('book', { symbol: 'tBTCUSD', prec: 'R0' }, 'id1');
    expect(subscribeFrame(sub)).toEqual({ event: 'subscribe', channel: 'book', symbol: 'tBTCUSD', prec: 'R0', freq: 'F0', len: '25', subId: 'id1' });
    expect(subscribeFrame(normalizeSubscription('candles', { key: 'trade:1m:tBTCUSD' }, 'c'))).toEqual({
      event: 'subscribe',
      channel: 'candles',
      key: 'trade:1m:tBTCUSD',
      subId: 'c',
    });
  });

  it('matches each real ack to its subscription and to no other', () => {
    const subs = [
      normalizeSubscription('ticker', { symbol: 'tBTCUSD' }, 's0'),
      normalizeSubscription('ticker', { symbol: 'fUSD' }, 's1'),
      normalizeSubscription('trades', { symbol: 'tBTCUSD' }, 's2'),
      normalizeSubscription('trades', { symbol: 'fUSD' }, 's3'),
      normalizeSubscription('book', { symbol: 'tBTCUSD' }, 's4'),
      normalizeSubscription('book', { symbol: 'fUSD' }, 's5'),
      normalizeSubscription('book', { symbol: 'tBTCUSD', prec: 'R0' }, 's6'),
      normalizeSubscription('book', { symbol: 'fUSD', prec: 'R0' }, 's7'),
      normalizeSubscription('candles', { key: 'trade:1m:tBTCUSD' }, 's8'),
      normalizeSubscription('status', { key: 'deriv:tBTCF0:USTF0' }, 's9'),
      normalizeSubscription('status', { key: 'liq:global' }, 's10'),
      normalizeSubscription('book', { symbol: 'tBTCF0:USTF0' }, 's11'),
    ];
    acks.forEach((ack, i) => {
      expect(subs.filter((s) => ackMatches(s, ack)).map((s) => s.subId)).toEqual([`s${i}`]);
    });
  });

  it('an echoed subId decides alone', () => {
    const a = normalizeSubscription('ticker', { symbol: 'tBTCUSD' }, 'mine');
    const b = normalizeSubscription('ticker', { symbol: 'tBTCUSD' }, 'other');
    const ack = { event: 'subscribed', channel: 'ticker', chanId: 1, symbol: 'tBTCUSD', subId: 'mine' };
    expect(ackMatches(a, ack)).toBe(true);
    expect(ackMatches(b, ack)).toBe(false);
    expect(ackMatches(a, { event: 'error', code: 10300, msg: 'symbol: invalid', subId: 'mine' })).toBe(true);
  });

  it('dedupe keys', () => {
    expect(subscriptionKey(normalizeSubscription('book', { symbol: 'tBTCUSD' }, 'a'))).toBe('book:tBTCUSD:P0:F0:25');
    expect(subscriptionKey(normalizeSubscription('book', { symbol: 'tBTCUSD', len: 25 }, 'b'))).toBe('book:tBTCUSD:P0:F0:25');
    expect(subscriptionKey(normalizeSubscription('ticker', { symbol: 'tBTCUSD' }, 'a'))).toBe('ticker:tBTCUSD');
    expect(subscriptionKey(normalizeSubscription('trades', { symbol: 'tBTCUSD' }, 'a'))).toBe('trades:tBTCUSD');
    expect(subscriptionKey(normalizeSubscription('candles', { key: 'trade:1m:tBTCUSD' }, 'a'))).toBe('candles:trade:1m:tBTCUSD');
    expect(subscriptionKey(normalizeSubscription('status', { key: 'liq:global' }, 'a'))).toBe('status:liq:global');
  });
});
