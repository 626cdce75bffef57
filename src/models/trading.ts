/**
 * Trading models of the account: orders and own trades (protocol.md §2.4 ORDER and TRADE).
 *
 * @module
 */
import { defineModel, fieldsOf } from './define.js';

/**
 * Order (32 fields): REST orders/history, WS `os`/`on`/`ou`/`oc`, and the data of
 * `on-req`/`ou-req`/`oc-req` notifications. Error notifications echo a partial order in which
 * even `id`, `symbol` or `amountOrig` may be `null`.
 */
export const Order = defineModel('Order', fieldsOf('id gid? cid? symbol:s mtsCreate? mtsUpdate? amount amountOrig orderType:s typePrev:s? mtsTif? _ flags? orderStatus:s? _ _ price? priceAvg? priceTrailing? priceAuxLimit? _ _ _ notify? hidden? placedId? _ _ routing:s? _ _ meta:o?'));

const tradeHead = fieldsOf('id symbol:s mtsCreate orderId execAmount execPrice');

const tradeTail = fieldsOf('maker? fee? feeCurrency:s? cid?');

/**
 * Own trade (12 fields): REST trades history, WS `te`/`tu`. In `te` the fee fields are `null`;
 * `tu` fills them. `maker` is 1 (maker) or -1 (taker).
 */
export const Trade = defineModel('Trade', [...tradeHead, ...fieldsOf('orderType:s? orderPrice?'), ...tradeTail] as const);

/** `auth/r/order/{symbol}:{id}/trades` row: a {@link Trade} without order type and price. */
export const OrderTrade = defineModel('OrderTrade', [...tradeHead, ...fieldsOf('_ _'), ...tradeTail] as const);
