/**
 * Wire payloads of the account inputs: option objects → the `[0, TYPE, null, PAYLOAD]` payloads
 * Bitfinex documents. Validation happens here, before anything is sent.
 *
 * @module
 */
import type { NotifyInfo } from './input-types.js';
import { BfxArgumentError } from '../../errors.js';
import { encodePayload, requireFields, type FieldRules } from './encode.js';
import type {
  CancelOrderInput,
  CancelOrderMultiInput,
  OrderMultiOp,
  SubmitFundingOfferInput,
  SubmitOrderInput,
  UpdateOrderInput,
} from './input-types.js';

/** Most operations one `ox_multi` may carry. */
export const MAX_MULTI_OPS = 75;
/** Most items one `calc` may carry. */
export const MAX_CALC_ITEMS = 30;

const d = (wire: string) => ({ wire, as: 'decimal' }) as const;
const i = (wire: string) => ({ wire, as: 'integer' }) as const;
const s = (wire: string) => ({ wire, as: 'string' }) as const;
const raw = (wire: string) => ({ wire, as: 'raw' }) as const;

const ORDER_COMMON: FieldRules = {
  price: d('price'),
  lev: i('lev'),
  priceTrailing: d('price_trailing'),
  priceAuxLimit: d('price_aux_limit'),
  gid: i('gid'),
  cid: i('cid'),
  flags: i('flags'),
  tif: s('tif'),
  meta: raw('meta'),
};

const SUBMIT_ORDER: FieldRules = { ...ORDER_COMMON, type: s('type'), symbol: s('symbol'), amount: d('amount'), priceOcoStop: d('price_oco_stop') };
const UPDATE_ORDER: FieldRules = { ...ORDER_COMMON, id: i('id'), cidDate: s('cid_date'), amount: d('amount'), delta: d('delta') };
const CANCEL_ORDER: FieldRules = { id: i('id'), cid: i('cid'), cidDate: s('cid_date') };
const CANCEL_MULTI: FieldRules = { id: raw('id'), cid: raw('cid'), gid: raw('gid'), all: { wire: 'all', as: 'flag' } };
const SUBMIT_OFFER: FieldRules = { type: s('type'), symbol: s('symbol'), amount: d('amount'), rate: d('rate'), period: i('period'), flags: i('flags') };

const MARKET_TYPES = new Set(['MARKET', 'EXCHANGE MARKET']);

/** `"YYYY-MM-DD HH:MM:SS"` (UTC) for a `Date`. */
export function tifString(tif: string | Date): string {
  if (typeof tif === 'string') return tif;
  if (Number.isNaN(tif.getTime())) throw new BfxArgumentError('tif is an invalid Date', 'tif');
  return tif.toISOString().slice(0, 19).replace('T', ' ');
}

function withTif<T extends { readonly tif?: string | Date }>(o: T): T {
  return o.tif === undefined ? o : { ...o, tif: tifString(o.tif) };
}

/** `on` payload. `cid` must already be set (the inputs generate one). */
export function submitOrderPayload(o: SubmitOrderInput): Record<string, unknown> {
  requireFields(o, ['type', 'symbol', 'amount'], 'submitOrder');
  if (!MARKET_TYPES.has(o.type) && o.price === undefined) {
    throw new BfxArgumentError(`submitOrder: "price" is required for ${o.type} orders`, 'price');
  }
  return encodePayload(withTif(o), SUBMIT_ORDER, 'submitOrder');
}

function checkRef(o: CancelOrderInput, what: string): void {
  const r = o as { id?: unknown; cid?: unknown; cidDate?: unknown };
  if (r.id === undefined && (r.cid === undefined || r.cidDate === undefined)) {
    throw new BfxArgumentError(`${what}: give "id", or "cid" and "cidDate"`, 'id');
  }
}

/** `ou` payload. */
export function updateOrderPayload(o: UpdateOrderInput): Record<string, unknown> {
  checkRef(o, 'updateOrder');
  return encodePayload(withTif(o), UPDATE_ORDER, 'updateOrder');
}

/** `oc` payload. */
export function cancelOrderPayload(o: CancelOrderInput): Record<string, unknown> {
  checkRef(o, 'cancelOrder');
  return encodePayload(o, CANCEL_ORDER, 'cancelOrder');
}

function integers(list: readonly unknown[] | undefined, name: string): void {
  if (list === undefined) return;
  if (!Array.isArray(list) || !list.every((v) => Number.isSafeInteger(v))) {
    throw new BfxArgumentError(`cancelOrderMulti: "${name}" must be a list of integers`, name);
  }
}

/** `oc_multi` payload. */
export function cancelOrderMultiPayload(o: CancelOrderMultiInput): Record<string, unknown> {
  integers(o.id, 'id');
  integers(o.gid, 'gid');
  if (o.cid !== undefined && !o.cid.every((c) => Array.isArray(c) && Number.isSafeInteger(c[0]) && typeof c[1] === 'string')) {
    throw new BfxArgumentError('cancelOrderMulti: "cid" must be a list of [cid, "YYYY-MM-DD"] pairs', 'cid');
  }
  const payload = encodePayload(o, CANCEL_MULTI, 'cancelOrderMulti');
  if (payload.all === 0) delete payload.all;
  if (Object.keys(payload).length === 0) {
    throw new BfxArgumentError('cancelOrderMulti: give "id", "cid", "gid" or "all: true"', 'all');
  }
  return payload;
}

/** `ox_multi` payload: `[[op, payload], …]`. */
export function orderMultiPayload(ops: readonly OrderMultiOp[], nextCid: () => number): unknown[][] {
  if (!Array.isArray(ops) || ops.length === 0 || ops.length > MAX_MULTI_OPS) {
    throw new BfxArgumentError(`orderMultiOp: give 1 to ${MAX_MULTI_OPS} operations`, 'ops');
  }
  return ops.map((op) => {
    switch (op[0]) {
      case 'on':
        return ['on', submitOrderPayload({ ...op[1], cid: op[1].cid ?? nextCid() })];
      case 'ou':
        return ['ou', updateOrderPayload(op[1])];
      case 'oc':
        return ['oc', cancelOrderPayload(op[1])];
      case 'oc_multi':
        return ['oc_multi', cancelOrderMultiPayload(op[1])];
      default:
        throw new BfxArgumentError(`orderMultiOp: unknown operation "${String((op as readonly unknown[])[0])}"`, 'ops');
    }
  });
}

/** `fon` payload. */
export function submitFundingOfferPayload(o: SubmitFundingOfferInput): Record<string, unknown> {
  requireFields(o, ['type', 'symbol', 'amount', 'rate', 'period'], 'submitFundingOffer');
  return encodePayload(o, SUBMIT_OFFER, 'submitFundingOffer');
}

/** `foc` payload. */
export function cancelFundingOfferPayload(id: number): Record<string, unknown> {
  if (!Number.isSafeInteger(id)) throw new BfxArgumentError('cancelFundingOffer: id must be an integer', 'id');
  return { id };
}

/** `calc` payload: `[["margin_base"], ["balance"], …]`. */
export function calcPayload(items: readonly string[]): string[][] {
  if (items.length === 0 || items.length > MAX_CALC_ITEMS) {
    throw new BfxArgumentError(`calc: give 1 to ${MAX_CALC_ITEMS} items`, 'items');
  }
  return items.map((item) => {
    if (typeof item !== 'string' || item === '') throw new BfxArgumentError('calc: items must be non-empty strings', 'items');
    return [item];
  });
}

/** `n` payload: `{ type: 'ucm-…', info, message_id, …extra }`. */
export function notifyPayload(info: NotifyInfo, type: string, messageId: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  if (!type.startsWith('ucm')) throw new BfxArgumentError(`notify: type must start with "ucm", got "${type}"`, 'type');
  let json: string | undefined;
  try {
    json = JSON.stringify(info);
  } catch {
    json = undefined;
  }
  if (json === undefined) throw new BfxArgumentError('notify: info must be a JSON value (object, array, string, number, boolean or null)', 'info');
  return { ...extra, type, message_id: messageId, info };
}
