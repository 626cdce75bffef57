/**
 * Decoding of account-channel notifications (`n`): the request types the inputs answer to get
 * their data decoded with the model table and their own event; every other type goes to the
 * generic `notification` event with raw data.
 *
 * @module
 */
import { decodeNotification, models, type Notification } from '../../models/index.js';
import type { Model } from '../../models/define.js';
import type { AccountEventName } from './events.js';

/** Notification types with a dedicated event and a model for their data. */
export type RequestNotificationType = 'on-req' | 'ou-req' | 'oc-req' | 'oc_multi-req' | 'ox_multi-req' | 'fon-req' | 'foc-req';

interface Rule {
  readonly model: Model<object> | null;
  readonly list: boolean;
}

const RULES: Readonly<Record<RequestNotificationType, Rule>> = {
  'on-req': { model: models.Order, list: false },
  'ou-req': { model: models.Order, list: false },
  'oc-req': { model: models.Order, list: false },
  'oc_multi-req': { model: models.Order, list: true },
  'ox_multi-req': { model: null, list: true },
  'fon-req': { model: models.FundingOffer, list: false },
  'foc-req': { model: models.FundingOffer, list: false },
};

/** Is `type` one of the request types with a dedicated event? */
export function isRequestType(type: string): type is RequestNotificationType {
  return Object.prototype.hasOwnProperty.call(RULES, type);
}

/** A decoded notification and the event it is emitted as. */
export interface DecodedNotification {
  /** The typed event the notification maps to. */
  readonly event: Extract<AccountEventName, 'notification' | `${RequestNotificationType}-notification`>;
  /** The decoded notification. */
  readonly notification: Notification<unknown>;
}

/**
 * Decode one notification array `[MTS, TYPE, MESSAGE_ID, _, DATA, CODE, STATUS, TEXT]`.
 * `ox_multi-req` data (the per-operation notifications) is decoded entry by entry. A request
 * notification whose data is not an array (nothing to decode) is emitted as `notification`.
 */
export function decodeAccountNotification(raw: readonly unknown[]): DecodedNotification {
  const type = typeof raw[1] === 'string' ? raw[1] : '';
  if (!isRequestType(type)) return { event: 'notification', notification: decodeNotification(raw) };
  const rule = RULES[type];
  const n = decodeNotification(raw);
  if (!Array.isArray(n.data)) return { event: 'notification', notification: n };
  if (rule.model === null) {
    const entries = n.data.filter((e): e is unknown[] => Array.isArray(e)).map((e) => decodeAccountNotification(e).notification);
    return { event: `${type}-notification`, notification: { ...n, data: entries } };
  }
  return { event: `${type}-notification`, notification: decodeNotification(raw, rule.model, { list: rule.list }) };
}
