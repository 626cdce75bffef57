/**
 * Submit and cancel a funding offer over the authenticated WebSocket, against the bundled
 * simulator: `npx tsx examples/ws-auth-funding.ts`.
 */
import { createBfxSystem } from 'bfx-actors';
import { createBfxSimulator } from 'bfx-actors/simulator';

const apiKey = 'example-key';
const apiSecret = 'example-secret';
const sim = await createBfxSimulator({ accounts: [{ apiKey, apiSecret }], market: { updatesPerSecond: 0 } });
const bfx = createBfxSystem({ wssHost: sim.wsUrl, restHost: sim.restUrl, apiKey, apiSecret, filter: ['funding', 'wallet'] });
try {
  const authenticated = new Promise<void>((resolve) => bfx.ws.once('authenticated', () => resolve()));
  bfx.ws.on('funding_offer_snapshot', (offers) => console.log(`${offers.length} active funding offers`));
  bfx.ws.on('funding_credit_snapshot', (credits) => console.log(`${credits.length} funding credits`));
  bfx.ws.on('funding_offer_new', (o) => console.log(`offer #${o.id} ${o.symbol} ${o.amount} at ${o.rate} for ${o.period} days: ${o.offerStatus}`));
  bfx.ws.on('funding_offer_cancel', (o) => console.log(`offer #${o.id} ${o.offerStatus}`));
  bfx.ws.on('funding_info_update', (i) => console.log(`funding info ${i.symbol}: yield lend ${i.yieldLend}`));
  bfx.ws.on('wallet_update', (w) => w.walletType === 'funding' && console.log(`funding ${w.currency}: ${w.balance} (available ${w.availableBalance})`));
  await authenticated;

  const offer = await bfx.ws.inputs.submitFundingOffer({ type: 'LIMIT', symbol: 'fUSD', amount: 500, rate: 0.001, period: 2 });
  console.log(`${offer.type} ${offer.status}: ${offer.text}`);
  await bfx.ws.inputs.calc('funding_sym_fUSD');

  const cancelled = await bfx.ws.inputs.cancelFundingOffer(offer.data.id);
  console.log(`${cancelled.type} ${cancelled.status}: ${cancelled.text}`);
  await new Promise((resolve) => setTimeout(resolve, 100));
} finally {
  await bfx.close();
  await sim.close();
}
