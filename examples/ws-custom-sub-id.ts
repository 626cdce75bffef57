/**
 * Custom subscription ids: pass `subId`; a second subscription with the same id is refused with a
 * `SubscriptionError` (code `ERR_BFX_DUPLICATE_SUB_ID`).
 *
 *   npx tsx examples/ws-custom-sub-id.ts
 */
import { createBfxSystem } from 'bfx-actors';
import { createBfxSimulator } from 'bfx-actors/simulator';

const sim = await createBfxSimulator();
const bfx = createBfxSystem({ wssHost: sim.wsUrl, restHost: sim.restUrl });

const sub = await bfx.ws.subscribe('candles', { key: 'trade:1m:tBTCUSD' }, { subId: '507f1f77bcf86cd799439011' });
console.log('subscribed with sub id', sub.subId);
try {
  await bfx.ws.subscribe('ticker', { symbol: 'tETHUSD' }, { subId: '507f1f77bcf86cd799439011' });
} catch (error) {
  console.log('refused:', (error as { code: string }).code);
}
console.log(bfx.ws.subscriptions().map((s) => `${s.subscription.subId} on connection ${s.connection}`));
await bfx.close();
await sim.close();
