/**
 * Candles channel sink: a snapshot (list, newest first), then one candle per frame.
 *
 * @module
 */
import { models } from '../../models/index.js';
import type { ChannelSink, DataPlaneEvents, Subscription } from '../contracts.js';
import type { SinkEmitter } from '../events.js';
import { isRowList, reportUnreadable } from './sink-kit.js';

const { Candle } = models;

/** Sink for a `candles` subscription. */
export function createCandlesSink(sub: Subscription, emit: SinkEmitter, events: DataPlaneEvents): ChannelSink {
  return {
    frame(payload) {
      const data = payload[0];
      if (Array.isArray(data)) {
        if (isRowList(data)) emit('candles_snapshot', sub, Candle.decodeListChecked(data));
        else emit('candles_update', sub, Candle.decodeChecked(data));
      } else if (data === 'hb') emit('heartbeat', sub);
      else reportUnreadable(events, sub, payload);
    },
    reset() {},
  };
}
