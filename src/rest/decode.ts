/**
 * Response decoders used by the endpoint tables: one model row, a list of rows, a notification,
 * rows keyed by their first element, and the few small transforms Bitfinex's shapes need. Every
 * decoder checks the outer shape and rejects a mismatch with `BfxProtocolError`
 * (`ERR_BFX_BAD_RESPONSE`).
 *
 * @module
 */
import { InputError } from '../errors.js';
import type { Model } from '../models/define.js';
import { decodeNotification, type Notification } from '../models/index.js';
import type { Decoder } from './endpoint.js';
import { badShape } from './response.js';

const isRow = (v: unknown): v is unknown[] => Array.isArray(v);

function rows(body: unknown, endpoint: string): unknown[][] {
  if (!isRow(body) || !body.every(isRow)) throw badShape(endpoint, 'an array of arrays', body);
  return body;
}

/** One model row. */
export function one<T extends object>(model: Model<T>): Decoder<T> {
  return (body, endpoint) => {
    if (!isRow(body)) throw badShape(endpoint, `a ${model.name} array`, body);
    return model.decode(body);
  };
}

/** A list of model rows. */
export function list<T extends object>(model: Model<T>): Decoder<T[]> {
  return (body, endpoint) => model.decodeList(rows(body, endpoint));
}

/** Notification statuses that mean Bitfinex refused the write. */
const REFUSED = new Set(['ERROR', 'FAILURE']);

/** Rejects a refused write: an `ERROR` / `FAILURE` notification becomes an {@link InputError}, as over WebSocket. */
function settle<T>(n: Notification<T>, endpoint: string): Notification<T> {
  if (!REFUSED.has(n.status)) return n;
  throw new InputError(n.type, n.status, n.text ?? '', n.data, n.code ?? undefined, { endpoint, notification: n });
}

/**
 * A write endpoint's notification `[MTS, TYPE, MSG_ID, _, DATA, CODE, STATUS, TEXT]`; an
 * `ERROR` / `FAILURE` status rejects with {@link InputError} carrying the notification.
 */
export function notification(): Decoder<Notification<unknown>>;
/** A notification whose data is one `model` row (`list`: a list of rows). */
export function notification<T extends object>(model: Model<T>): Decoder<Notification<T | null>>;
export function notification<T extends object>(model: Model<T>, opts: { list: true }): Decoder<Notification<T[]>>;
export function notification<T extends object>(model?: Model<T>, opts: { list?: boolean } = {}): Decoder<Notification<unknown>> {
  return (body, endpoint) => {
    if (!isRow(body) || typeof body[1] !== 'string') throw badShape(endpoint, 'a notification array', body);
    const n = model === undefined ? decodeNotification(body) : decodeNotification(body, model, { list: opts.list === true });
    return settle(n, endpoint);
  };
}

/**
 * Rows whose first element is their key (`tickers`, `status/deriv`), decoded without it and
 * returned as a record. `pick` chooses the model per key (undefined = row left out).
 */
export function keyed<T extends object>(pick: (key: string) => Model<T> | undefined): Decoder<Record<string, T>> {
  return (body, endpoint) => {
    const out: Record<string, T> = {};
    for (const row of rows(body, endpoint)) {
      const key = row[0];
      if (typeof key !== 'string') throw badShape(endpoint, 'rows starting with a symbol', body);
      const model = pick(key);
      if (model !== undefined) out[key] = model.decode(row.slice(1));
    }
    return out;
  };
}

/** Element `[0]` of an array body, left as is (`conf`). */
export function first<T = unknown>(): Decoder<T> {
  return (body, endpoint) => {
    if (!isRow(body)) throw badShape(endpoint, 'an array', body);
    return body[0] as T;
  };
}

/** The body as is, checked to be an array (`T` documents the expected element type). */
export function array<T = unknown>(): Decoder<T[]> {
  return (body, endpoint) => {
    if (!isRow(body)) throw badShape(endpoint, 'an array', body);
    return body as T[];
  };
}

/** A JSON object body (merchant endpoints; keys kept as Bitfinex sends them, camelCase). */
export function object<T extends object>(what: string): Decoder<T> {
  return (body, endpoint) => {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badShape(endpoint, `${what} (a JSON object)`, body);
    return body as T;
  };
}

/** An array of JSON objects (merchant lists). */
export function objects<T extends object>(what: string): Decoder<T[]> {
  return (body, endpoint) => {
    if (!isRow(body) || !body.every((o) => typeof o === 'object' && o !== null && !Array.isArray(o))) {
      throw badShape(endpoint, `an array of ${what} (JSON objects)`, body);
    }
    return body as T[];
  };
}

/** Success flag of endpoints answering `[1]`, `[true]`, `true` or `1`. */
export function truthy(): Decoder<boolean> {
  return (body) => {
    const v = isRow(body) ? body[0] : body;
    return v === true || v === 1 || (isRow(v) && (v[0] === 1 || v[0] === true));
  };
}

/** The raw body, unchecked (values whose shape Bitfinex does not document). */
export function raw<T = unknown>(): Decoder<T> {
  return (body) => body as T;
}
