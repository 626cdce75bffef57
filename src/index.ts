/**
 * bfx-actors: a Bitfinex API v2 client (REST + WebSocket) built as an actor runtime on XState v5,
 * with a protocol-faithful offline simulator.
 *
 * @example
 * import { createBfxSystem } from 'bfx-actors';
 * const bfx = createBfxSystem({ wssHost: PUB_WSS_HOST });
 * const ticker = bfx.ws.subscribe('ticker', { symbol: 'tBTCUSD' });
 * ticker.on('t_ticker_update', (sub, t) => console.log(sub.symbol, t.lastPrice));
 *
 * @packageDocumentation
 */
export * from './hosts.js';
export * from './errors.js';
export * from './models/index.js';
export { defineModel } from './models/define.js';
export type { Model, FieldSpec, FieldKind, ShapeOf, Infer, ModelOptions } from './models/define.js';
export { crc32, bookChecksum } from './book/checksum.js';
export { createNonceSource, nonceSourceFor } from './auth/nonce.js';
export type { NonceGenerator, NonceSourceOptions } from './auth/nonce.js';
export * from './rest/index.js';
export * from './ws/index.js';
export * from './system.js';
export * from '../machines/index.js';
export { createBfxSimulator } from './simulator/index.js';
export { recordingSocketFactory, recordedSubscriptionKey, type RecordSink, type RecordingOptions } from './record/recorder.js';
export type * from './simulator/index.js';
export { createLogger, toPinoLevel } from './logging/logger.js';
export type { BfxLogger, LoggerOptions, LogLevelName } from './logging/logger.js';
