import { describe, expect, expectTypeOf, it } from 'vitest';
import type { ChecksumError } from '../../src/errors.js';
import type { Candle, Liquidation, Order, TradingPairBook, TradingPairTicker } from '../../src/models/index.js';
import type { Subscription } from '../../src/ws/contracts.js';
import type { BfxWsEventName, BfxWsEvents, SinkEmitter } from '../../src/ws/events.js';
import { EventHub } from '../../src/ws/hub.js';

describe('event maps', () => {
  it('type every listener: (sub, data) for channels, (data) for the account, connection signatures', () => {
    expectTypeOf<Parameters<BfxWsEvents['t_ticker_update']>>().toEqualTypeOf<[Subscription, TradingPairTicker]>();
    expectTypeOf<Parameters<BfxWsEvents['t_book_update']>>().toEqualTypeOf<[Subscription, TradingPairBook]>();
    expectTypeOf<Parameters<BfxWsEvents['t_book_snapshot']>>().toEqualTypeOf<[Subscription, TradingPairBook[]]>();
    expectTypeOf<Parameters<BfxWsEvents['candles_snapshot']>>().toEqualTypeOf<[Subscription, Candle[]]>();
    expectTypeOf<Parameters<BfxWsEvents['liquidation_feed_update']>>().toEqualTypeOf<[Subscription, Liquidation]>();
    expectTypeOf<Parameters<BfxWsEvents['checksum_mismatch']>>().toEqualTypeOf<[Subscription, ChecksumError]>();
    expectTypeOf<Parameters<BfxWsEvents['heartbeat']>>().toEqualTypeOf<[Subscription | null]>();
    expectTypeOf<Parameters<BfxWsEvents['order_new']>>().toEqualTypeOf<[Order]>();
    expectTypeOf<'reconnection'>().toExtend<BfxWsEventName>();
    expectTypeOf<'on-req-notification'>().toExtend<BfxWsEventName>();
    expectTypeOf<'nope'>().not.toExtend<BfxWsEventName>();
  });

  it('a hub over BfxWsEvents is a SinkEmitter target with checked arguments', () => {
    const hub = new EventHub<BfxWsEvents>(() => {});
    const seen: number[] = [];
    hub.on('reconnection', (attempts, downtimeMs) => {
      expectTypeOf(attempts).toEqualTypeOf<number>();
      seen.push(attempts, downtimeMs);
    });
    const emit: SinkEmitter = (event, ...args) => hub.emit(event, ...args);
    emit('reconnection', 3, 1500);
    // @ts-expect-error wrong argument type
    emit('reconnection', '3', 1500);
    // @ts-expect-error unknown event
    hub.on('nope', () => {});
    expect(seen).toEqual([3, 1500, '3', 1500]);
  });
});
