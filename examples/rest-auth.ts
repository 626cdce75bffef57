/**
 * Authenticated REST endpoints against the bundled simulator: `npx tsx examples/rest-auth.ts`.
 * Against the real API, pass your own `apiKey` / `apiSecret` and drop `restHost`.
 */
import { BfxApiError, createRestClient } from 'bfx-actors';
import { createBfxSimulator } from 'bfx-actors/simulator';

const apiKey = 'example-key';
const apiSecret = 'example-secret';
const sim = await createBfxSimulator({ accounts: [{ apiKey, apiSecret }] });
try {
  const rest = createRestClient({ restHost: sim.restUrl, apiKey, apiSecret, retry: { rateLimit: true } });

  const wallets = await rest.auth.getWallets();
  for (const w of wallets) console.log(`${w.walletType.padEnd(8)} ${w.currency.padEnd(5)} ${w.balance}`);

  const submitted = await rest.auth.submitOrder({ type: 'EXCHANGE LIMIT', symbol: 'tBTCUSD', amount: '0.01', price: 10_000 });
  console.log(`${submitted.type} ${submitted.status}: ${submitted.text}`);
  const id = submitted.data?.id;
  if (id !== undefined) {
    const updated = await rest.auth.updateOrder({ id, price: 11_000 });
    console.log('updated price:', updated.data?.price);
    const cancelled = await rest.auth.cancelOrder({ id });
    console.log('cancel:', cancelled.status, cancelled.data?.orderStatus);
  }

  const transfer = await rest.auth.transferBetweenWallets({ from: 'exchange', to: 'funding', currency: 'USD', currencyTo: 'USD', amount: 500 });
  console.log('transfer:', transfer.status, transfer.data);

  const offer = await rest.auth.submitFundingOffer({ type: 'LIMIT', symbol: 'fUSD', amount: 300, rate: 0.0002, period: 2 });
  console.log('funding offer:', offer.status, offer.data?.id);
  await rest.auth.cancelAllFundingOffers('USD');

  try {
    await createRestClient({ restHost: sim.restUrl, apiKey, apiSecret: 'wrong' }).auth.getWallets();
  } catch (err) {
    if (err instanceof BfxApiError) console.log(`a wrong secret is refused: ${err.bfxCode} ${err.message}`);
  }
} finally {
  await sim.close();
}
