/**
 * Trading models of the account: orders and own trades (protocol.md §2.4 ORDER and TRADE).
 *
 * @module
 */
import { defineModel } from './define.js';

/**
 * Order (32 fields): REST orders/history, WS `os`/`on`/`ou`/`oc`, and the data of
 * `on-req`/`ou-req`/`oc-req` notifications. Error notifications echo a partial order in which
 * even `id`, `symbol` or `amountOrig` may be `null`.
 */
export const Order = defineModel('Order', [
  ['id', 'number'],
  ['gid', 'number?'],
  ['cid', 'number?'],
  ['symbol', 'string'],
  ['mtsCreate', 'number?'],
  ['mtsUpdate', 'number?'],
  ['amount', 'number'],
  ['amountOrig', 'number'],
  ['orderType', 'string'],
  ['typePrev', 'string?'],
  ['mtsTif', 'number?'],
  null,
  ['flags', 'number?'],
  ['orderStatus', 'string?'],
  null,
  null,
  ['price', 'number?'],
  ['priceAvg', 'number?'],
  ['priceTrailing', 'number?'],
  ['priceAuxLimit', 'number?'],
  null,
  null,
  null,
  ['notify', 'number?'],
  ['hidden', 'number?'],
  ['placedId', 'number?'],
  null,
  null,
  ['routing', 'string?'],
  null,
  null,
  ['meta', 'object?'],
] as const);

const tradeHead = [
  ['id', 'number'],
  ['symbol', 'string'],
  ['mtsCreate', 'number'],
  ['orderId', 'number'],
  ['execAmount', 'number'],
  ['execPrice', 'number'],
] as const;

const tradeTail = [
  ['maker', 'number?'],
  ['fee', 'number?'],
  ['feeCurrency', 'string?'],
  ['cid', 'number?'],
] as const;

/**
 * Own trade (12 fields): REST trades history, WS `te`/`tu`. In `te` the fee fields are `null`;
 * `tu` fills them. `maker` is 1 (maker) or -1 (taker).
 */
export const Trade = defineModel('Trade', [
  ...tradeHead,
  ['orderType', 'string?'],
  ['orderPrice', 'number?'],
  ...tradeTail,
] as const);

/** `auth/r/order/{symbol}:{id}/trades` row: a {@link Trade} without order type and price. */
export const OrderTrade = defineModel('OrderTrade', [...tradeHead, null, null, ...tradeTail] as const);
