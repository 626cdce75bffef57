/**
 * Notifications: `[MTS, TYPE, MESSAGE_ID, _, DATA, CODE, STATUS, TEXT]`, the answer of REST write
 * endpoints and the payload of WS `n` frames (protocol.md §2.4 NOTIFICATION, §3.5).
 *
 * @module
 */
import { defineModel, fieldsOf, type Model } from './define.js';

/**
 * The notification table. `data` stays raw; use {@link decodeNotification} to decode it with a
 * model. `mts` is ms, seconds or seconds with a fraction depending on the source, or `null`.
 */
export const NotificationModel = defineModel('Notification', fieldsOf('mts? type:s messageId? _ data:u code? status:s text:s?'));

/** Known notification status values (others may appear). */
export type NotificationStatus = 'SUCCESS' | 'ERROR' | 'FAILURE' | 'INFO';

/** A decoded notification whose `data` has type `T`. */
export interface Notification<T = unknown> {
  /** Timestamp: ms, seconds, seconds with a fraction, or `null` (accept all). */
  mts: number | null;
  /** Notification type, e.g. `on-req`, `oc-req`, `fon-req`, `acc_tf`, `uca`. */
  type: string;
  /** Message id (usually `null`). */
  messageId: number | null;
  /** The payload (decoded when a model was given). */
  data: T;
  /** Code (usually `null`). */
  code: number | null;
  /** `SUCCESS`, `ERROR`, `FAILURE` or `INFO`. */
  status: NotificationStatus | (string & {});
  /** Human-readable text. */
  text: string | null;
}

/** Options of {@link decodeNotification}. */
export interface DecodeNotificationOptions {
  /** Decode `data` as a list of rows (e.g. `on-req` over REST, `oc_multi-req`). */
  readonly list?: boolean;
}

function decodeSingle<T extends object>(data: unknown, model: Model<T>): T | null {
  if (!Array.isArray(data)) return null;
  // REST on-req wraps the single order: [[...order]].
  return model.decode(Array.isArray(data[0]) ? (data[0] as unknown[]) : data);
}

function decodeList<T extends object>(data: unknown, model: Model<T>): T[] {
  if (!Array.isArray(data) || data.length === 0) return [];
  // A list endpoint that answered with one bare row still yields a one-element list.
  if (!Array.isArray(data[0])) return [model.decode(data)];
  return model.decodeList(data as unknown[][]);
}

/** Decode a notification, leaving `data` raw. */
export function decodeNotification(raw: readonly unknown[]): Notification<unknown>;
/**
 * Decode a notification and its `data` as one row of `model` (`[[...row]]` is unwrapped);
 * `data` is `null` when the notification carries no array.
 */
export function decodeNotification<T extends object>(
  raw: readonly unknown[],
  model: Model<T>,
  options?: DecodeNotificationOptions & { readonly list?: false },
): Notification<T | null>;
/** Decode a notification and its `data` as a list of `model` rows (`[]` when there is none). */
export function decodeNotification<T extends object>(
  raw: readonly unknown[],
  model: Model<T>,
  options: DecodeNotificationOptions & { readonly list: true },
): Notification<T[]>;
/** Decode a notification and its `data`, single or list as `options.list` says at run time. */
export function decodeNotification<T extends object>(
  raw: readonly unknown[],
  model: Model<T>,
  options?: DecodeNotificationOptions,
): Notification<T | T[] | null>;
/**
 * Decode a notification; with a model, decode its `data` too.
 *
 * @param raw - the notification array (the third element of a WS `[0,"n",[...]]` frame, or a REST body).
 * @param model - the model of `data` (e.g. `models.Order`).
 * @param options - `list: true` to decode `data` as a list.
 * @example
 * const n = decodeNotification(body, models.Order, { list: true }); // REST order submit
 * if (n.status === 'SUCCESS') console.log(n.data[0].id);
 */
export function decodeNotification<T extends object>(
  raw: readonly unknown[],
  model?: Model<T>,
  options: DecodeNotificationOptions = {},
): Notification<unknown> {
  const n = NotificationModel.decode(raw);
  if (!model) return n;
  const data = options.list ? decodeList(n.data, model) : decodeSingle(n.data, model);
  return { ...n, data };
}
