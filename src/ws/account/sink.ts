/**
 * The account channel's sink (channel 0): one table lookup per frame, decode with the model
 * table, emit the typed event. Notifications are also handed to the inputs so the pending
 * promise they answer is settled. Never throws: a frame it cannot read is reported on `error`.
 *
 * @module
 */
import { BfxProtocolError } from '../../errors.js';
import type { Model } from '../../models/define.js';
import { models } from '../../models/index.js';
import type { Notification, Order } from '../../models/index.js';
import type { ChannelSink } from '../contracts.js';
import type { SinkEmitter } from '../events.js';
import type { AccountEventName } from './events.js';
import { decodeAccountNotification } from './notifications.js';

/** What the sink needs from the inputs. */
export interface AccountSinkInputs {
  handleNotification(n: Notification<unknown>): void;
  /** Order rows (snapshot or event), told before they are emitted (settles order inputs lost in a drop). */
  handleOrders?(kind: 'snapshot' | 'new' | 'update' | 'cancel', orders: readonly Order[]): void;
}

const ORDER_KINDS: Partial<Record<AccountEventName, 'snapshot' | 'new' | 'update' | 'cancel'>> = {
  order_snapshot: 'snapshot', order_new: 'new', order_update: 'update', order_cancel: 'cancel',
};

interface Route {
  readonly event: AccountEventName;
  readonly model: Model<object>;
  /** Snapshot types: DATA is a list of rows. */
  readonly list: boolean;
}

const list = (event: AccountEventName, model: Model<object>): Route => ({ event, model, list: true });
const row = (event: AccountEventName, model: Model<object>): Route => ({ event, model, list: false });

/** Frame type → event and model (`miu`, `n` and `hb` are handled apart). */
export const ACCOUNT_ROUTES: ReadonlyMap<string, Route> = new Map([
  ['os', list('order_snapshot', models.Order)],
  ['on', row('order_new', models.Order)],
  ['ou', row('order_update', models.Order)],
  ['oc', row('order_cancel', models.Order)],
  ['ps', list('position_snapshot', models.Position)],
  ['pn', row('position_new', models.Position)],
  ['pu', row('position_update', models.Position)],
  ['pc', row('position_close', models.Position)],
  ['ws', list('wallet_snapshot', models.Wallet)],
  ['wu', row('wallet_update', models.Wallet)],
  ['bu', row('balance_update', models.BalanceInfo)],
  ['fiu', row('funding_info_update', models.FundingInfo)],
  ['fos', list('funding_offer_snapshot', models.FundingOffer)],
  ['fon', row('funding_offer_new', models.FundingOffer)],
  ['fou', row('funding_offer_update', models.FundingOffer)],
  ['foc', row('funding_offer_cancel', models.FundingOffer)],
  ['fcs', list('funding_credit_snapshot', models.FundingCredit)],
  ['fcn', row('funding_credit_new', models.FundingCredit)],
  ['fcu', row('funding_credit_update', models.FundingCredit)],
  ['fcc', row('funding_credit_close', models.FundingCredit)],
  ['fls', list('funding_loan_snapshot', models.FundingLoan)],
  ['fln', row('funding_loan_new', models.FundingLoan)],
  ['flu', row('funding_loan_update', models.FundingLoan)],
  ['flc', row('funding_loan_close', models.FundingLoan)],
  ['te', row('trade_execution', models.Trade)],
  ['tu', row('trade_execution_update', models.Trade)],
  ['fte', row('funding_trade_execution', models.FundingTrade)],
  ['ftu', row('funding_trade_execution_update', models.FundingTrade)],
]);

/** Deprecated history/info snapshots old servers sent after auth; ignored on purpose. */
const LEGACY_TYPES = new Set(['hos', 'hfos', 'hfcs', 'hfls', 'hts', 'hfts', 'ats', 'bs', 'mis', 'fis']);

function excerpt(payload: unknown[]): string {
  const text = JSON.stringify(payload) ?? '';
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/**
 * Create the sink bound to chanId 0 after a successful auth. `payload` is `[TYPE, DATA]` (or
 * `["hb"]`, emitted as `heartbeat(null)`). Snapshot types emit one list; update types emit one
 * event per row (a server that batches rows in one frame is handled too).
 */
export function createAccountSink(emit: SinkEmitter, inputs: AccountSinkInputs): ChannelSink {
  const send = emit as (event: AccountEventName | 'heartbeat' | 'error', arg: unknown) => void;
  const problem = (text: string, payload: unknown[]): void =>
    send('error', new BfxProtocolError(`Account channel: ${text}`, { excerpt: excerpt(payload) }));

  const notification = (data: unknown, payload: unknown[]): void => {
    if (!Array.isArray(data)) return problem('notification without data', payload);
    const decoded = decodeAccountNotification(data);
    inputs.handleNotification(decoded.notification);
    send(decoded.event, decoded.notification);
  };

  const marginInfo = (data: unknown, payload: unknown[]): void => {
    if (!Array.isArray(data)) return problem('miu without data', payload);
    if (data[0] === 'base') send('base_margin_info', models.BaseMarginInfo.decode(data));
    else if (data[0] === 'sym') send('symbol_margin_info', models.SymbolMarginInfo.decode(data));
    else problem(`unknown miu kind ${JSON.stringify(data[0])}`, payload);
  };

  return {
    frame(payload) {
      const type = payload[0];
      const data = payload[1];
      const route = typeof type === 'string' ? ACCOUNT_ROUTES.get(type) : undefined;
      if (route !== undefined) {
        if (!Array.isArray(data)) return problem(`${String(type)} without data`, payload);
        const orders = ORDER_KINDS[route.event];
        const out = (value: unknown): void => {
          if (orders !== undefined) inputs.handleOrders?.(orders, (Array.isArray(value) ? value : [value]) as Order[]);
          send(route.event, value);
        };
        if (route.list) {
          out(data.every(Array.isArray) ? route.model.decodeList(data as unknown[][]) : [route.model.decode(data)]);
        } else if (data.length > 0 && Array.isArray(data[0]) && route.model.options.flat !== true) {
          for (const r of data) if (Array.isArray(r)) out(route.model.decode(r));
        } else if (data.length > 0) {
          out(route.model.decode(data));
        }
        return;
      }
      switch (type) {
        case 'hb':
          return send('heartbeat', null);
        case 'n':
          return notification(data, payload);
        case 'miu':
          return marginInfo(data, payload);
        default:
          if (typeof type === 'string' && LEGACY_TYPES.has(type)) return;
          return problem(`unknown frame type ${JSON.stringify(type)}`, payload);
      }
    },
    reset() {
      // The account channel keeps no state between sessions: every auth brings fresh snapshots.
    },
  };
}
