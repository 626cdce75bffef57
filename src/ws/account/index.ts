/**
 * The authenticated account channel: auth frame and reply, the channel-0 sink, the inputs and
 * their option types, and the account events.
 *
 * @module
 */
export { buildAuthFrame, nextAuthNonce, parseAuthReply, parseCaps, redactAuthFrame, DMS_CANCEL_ON_DISCONNECT } from './auth.js';
export type { AuthFrameOptions, AuthReply } from './auth.js';
export type { AccountEventName, AccountEvents, AuthCapability, AuthInfo } from './events.js';
export { createAccountSink, ACCOUNT_ROUTES } from './sink.js';
export type { AccountSinkInputs } from './sink.js';
export { createInputs } from './inputs.js';
export type { InputPolicy, InputsConnectionState, InputsControl, InputsDeps } from './inputs.js';
export type {
  CancelOrderInput,
  CancelOrderMultiInput,
  FundingOfferType,
  NotifyOptions,
  NotifyInfo,
  NotifyResult,
  OrderMultiOp,
  OrderRef,
  OrderType,
  SubmitFundingOfferInput,
  SubmitOrderInput,
  UpdateOrderInput,
  WsInputs,
} from './input-types.js';
export { decodeAccountNotification, isRequestType } from './notifications.js';
export type { DecodedNotification, RequestNotificationType } from './notifications.js';
export { MAX_CALC_ITEMS, MAX_MULTI_OPS } from './payloads.js';
export { createCidSource, cidDate, MAX_CID } from './cid.js';
export { decimalString } from './encode.js';
export { InputNotAppliedError, DEFAULT_RECOVERY_MS, RECOVERY_GRACE_MS } from './recovery.js';
export type { OrderLookup } from './recovery.js';
export { AccountView, ACCOUNT_CHANGE_EVENTS, accountFeed } from './view.js';
export type { AccountEventOf, AccountViewDeps } from './view.js';
export type { Decimal } from './encode.js';
