/**
 * The WebSocket side: the client facade, subscription handles, typed events, the data plane
 * (frame router, channel sinks, managed books) and the account channel (events, auth, inputs).
 *
 * @module
 */
export * from './contracts.js';
export * from './events.js';
export { EventHub } from './hub.js';
export * from './client.js';
export * from './handle.js';
export * from './dataplane/index.js';
export {
  buildAuthFrame,
  parseAuthReply,
  redactAuthFrame,
  createAccountSink,
  createInputs,
  decodeAccountNotification,
  createCidSource,
  cidDate,
  MAX_CID,
  MAX_CALC_ITEMS,
  MAX_MULTI_OPS,
  DMS_CANCEL_ON_DISCONNECT,
} from './account/index.js';
export type {
  AuthFrameOptions,
  AuthReply,
  AccountEventName,
  AccountEvents,
  AuthCapability,
  AuthInfo,
  InputPolicy,
  InputsControl,
  CancelOrderInput,
  CancelOrderMultiInput,
  NotifyOptions,
  NotifyResult,
  OrderMultiOp as WsOrderMultiOp,
  OrderRef,
  SubmitFundingOfferInput,
  SubmitOrderInput,
  UpdateOrderInput,
  WsInputs,
  DecodedNotification,
  RequestNotificationType,
} from './account/index.js';
export { AggregatedBook, RawOrderBook, createManagedBook } from '../book/index.js';
export type { BookRow, BookShape, ManagedBook } from '../book/index.js';
export { sanitizeInspection } from './inspect.js';
export { nodeSocketFactory, type SocketFactory, type SocketConnection, type SocketHandlers } from '../platform/websocket.js';
