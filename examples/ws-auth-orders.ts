/**
 * Authenticate on the WebSocket and submit, update and cancel an order, against the bundled
 * simulator: `npx tsx examples/ws-auth-orders.ts`. Against the real API, drop `wssHost` /
 * `restHost` and pass your own `apiKey` / `apiSecret`.
 */
import { InputError, createBfxSystem } from 'bfx-actors';
import { createBfxSimulator } from 'bfx-actors/simulator';

const apiKey = 'example-key';
const apiSecret = 'example-secret';
const sim = await createBfxSimulator({ accounts: [{ apiKey, apiSecret }], market: { updatesPerSecond: 0 } });
const bfx = createBfxSystem({ wssHost: sim.wsUrl, restHost: sim.restUrl, apiKey, apiSecret, dms: true });
try {
  const authenticated = new Promise<void>((resolve) => bfx.ws.once('authenticated', () => resolve()));
  bfx.ws.on('authenticated', (info) => console.log(`authenticated as user ${info.userId}; orders write: ${info.caps.orders?.write}`));
  bfx.ws.on('error', (err) => console.error('error:', err.code, err.message));
  bfx.ws.on('wallet_snapshot', (wallets) => console.log(`${wallets.length} wallets`));
  bfx.ws.on('order_new', (o) => console.log(`order_new    #${o.id} ${o.symbol} ${o.amount} @ ${o.price} ${o.orderStatus}`));
  bfx.ws.on('order_update', (o) => console.log(`order_update #${o.id} ${o.amount} @ ${o.price}`));
  bfx.ws.on('order_cancel', (o) => console.log(`order_cancel #${o.id} ${o.orderStatus}`));
  bfx.ws.on('trade_execution_update', (t) => console.log(`trade #${t.id} ${t.execAmount} @ ${t.execPrice} fee ${t.fee} ${t.feeCurrency}`));
  await authenticated;

  const placed = await bfx.ws.inputs.submitOrder({ type: 'EXCHANGE LIMIT', symbol: 'tBTCUSD', amount: 0.01, price: 10_000 });
  console.log(`${placed.type} ${placed.status}: ${placed.text} (id ${placed.data.id}, cid ${placed.data.cid})`);

  const updated = await bfx.ws.inputs.updateOrder({ id: placed.data.id, price: 11_000 });
  console.log(`${updated.type} ${updated.status}: ${updated.text}`);

  const cancelled = await bfx.ws.inputs.cancelOrder({ id: placed.data.id });
  console.log(`${cancelled.type} ${cancelled.status}: ${cancelled.text}`);

  const market = await bfx.ws.inputs.submitOrder({ type: 'EXCHANGE MARKET', symbol: 'tBTCUSD', amount: 0.05 });
  console.log(`${market.type} ${market.status}: ${market.text}`);

  try {
    await bfx.ws.inputs.submitOrder({ type: 'EXCHANGE LIMIT', symbol: 'tBTCUSD', amount: 0.00001, price: 10_000 });
  } catch (err) {
    if (err instanceof InputError) console.log(`rejected as expected (${err.code}): ${err.message}`);
  }
  await new Promise((resolve) => setTimeout(resolve, 100));
} finally {
  await bfx.close();
  await sim.close();
}
