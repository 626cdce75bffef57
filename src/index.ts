/**
 * bfx-actors: a Bitfinex API v2 client (REST + WebSocket) built as an actor runtime on XState v5.
 * This entry imports no Node.js built-in and runs in browsers, Node.js >= 20 and other runtimes
 * with a global `fetch`, `crypto.subtle` and (outside Node.js) `WebSocket`. The offline simulator
 * is the Node.js-only entry `bfx-actors/simulator`.
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

// Models: the one table shared by REST, WebSocket and the simulator.
export * from './models/index.js';
export { defineModel } from './models/define.js';
export type { Model, FieldSpec, FieldKind, FieldKindMap, ShapeOf, Simplify, Infer, ModelOptions } from './models/define.js';

// Signing, nonces, checksums, logging.
export { crc32, bookChecksum } from './book/checksum.js';
export { createNonceSource, nonceSourceFor } from './auth/nonce.js';
export type { NonceGenerator, NonceSourceOptions } from './auth/nonce.js';
export { signRest, signWsAuth, type WsAuthSignature } from './auth/signer.js';
export { createLogger } from './logging/logger.js';
export type { BfxLogger, LoggerOptions, LogLevelName } from './logging/logger.js';

// REST.
export * from './rest/public-surface.js';

// WebSocket.
export * from './ws/contracts.js';
export type * from './ws/events.js';
export * from './ws/client.js';
export * from './ws/handle.js';
export { CHANNEL_EVENTS, HANDLE_LIFECYCLE_EVENTS, WS_EVENT_NAMES } from './ws/event-names.js';
export { CHANNELS } from './ws/dataplane/subscriptions.js';
export { MAX_CID, MAX_CALC_ITEMS, MAX_MULTI_OPS, DMS_CANCEL_ON_DISCONNECT, InputNotAppliedError, DEFAULT_RECOVERY_MS, RECOVERY_GRACE_MS } from './ws/account/index.js';
export type {
  AccountEventName,
  AccountEvents,
  AuthCapability,
  AuthInfo,
  InputPolicy,
  CancelOrderInput,
  CancelOrderMultiInput,
  NotifyOptions,
  NotifyInfo,
  NotifyResult,
  OrderMultiOp as WsOrderMultiOp,
  OrderRef,
  SubmitFundingOfferInput,
  SubmitOrderInput,
  UpdateOrderInput,
  WsInputs,
  DecodedNotification,
  RequestNotificationType,
  OrderLookup,
  AccountEventOf,
} from './ws/account/index.js';
export { AccountView, ACCOUNT_CHANGE_EVENTS } from './ws/account/index.js';
export { AggregatedBook, RawOrderBook, createManagedBook } from './book/index.js';
export type { BookRow, BookRowDecoder, BookShape, ManagedBook } from './book/index.js';
export type { BookSide } from './book/book-side.js';
export type { BookEntry } from './ws/dataplane/sinks.js';
export {
  CLOSE_HTTP_REFUSED,
  createWebSocketFactory,
  defaultSocketFactory,
  nodeSocketFactory,
  webSocketFactory,
  wsSocketFactory,
  type SocketConnection,
  type SocketFactory,
  type SocketHandlers,
  type StandardSocket,
  type StandardSocketClass,
} from './platform/websocket.js';

// The facade and the machines.
export * from './system.js';
export { processGovernor, type ConnectionBudgetOptions } from './ws/governor.js';
export { BITFINEX_CONNECTION_LIMITS, type ConnectionLimit, type ConnectionLimits } from './defaults.js';
export * from '../machines/index.js';
export { recordingSocketFactory, recordedSubscriptionKey, type RecordSink, type RecordingOptions } from './record/recorder.js';
