/**
 * Status channel sink: derivatives status rows (`deriv:` keys) and liquidations (`liq:` keys,
 * rows wrapped in a list: one event per row).
 *
 * @module
 */
import { models } from '../../models/index.js';
import type { ChannelSink, DataPlaneEvents, Subscription } from '../contracts.js';
import type { SinkEmitter } from '../events.js';
import { rowSink, type Row } from './sink-kit.js';

const { DerivativesStatus, Liquidation } = models;

/** Sink for a `status` subscription. */
export function createStatusSink(sub: Subscription, emit: SinkEmitter, events: DataPlaneEvents): ChannelSink {
  const liquidations = sub.key !== undefined && sub.key.startsWith('liq:');
  const one = liquidations
    ? (row: Row) => emit('liquidation_feed_update', sub, Liquidation.decodeChecked(row))
    : (row: Row) => emit('derivatives_status_update', sub, DerivativesStatus.decodeChecked(row));
  return rowSink(sub, emit, events, one);
}
