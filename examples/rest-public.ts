/**
 * Public REST endpoints against the bundled simulator: `npx tsx examples/rest-public.ts`.
 * Point `restHost` at `PUB_REST_HOST` (or leave the default) to use the real API instead.
 */
import { createRestClient } from 'bfx-actors';
import { createBfxSimulator } from 'bfx-actors/simulator';

const sim = await createBfxSimulator();
try {
  const rest = createRestClient({ restHost: sim.restUrl });

  const status = await rest.public.getPlatformStatus();
  console.log('platform status:', status.status === 1 ? 'operative' : 'maintenance');

  const ticker = await rest.public.getTTicker('tBTCUSD');
  console.log(`tBTCUSD bid ${ticker.bid} ask ${ticker.ask} last ${ticker.lastPrice}`);

  const tickers = await rest.public.getTickers(['tETHUSD', 'fUSD']);
  for (const [symbol, t] of Object.entries(tickers)) console.log(symbol, 'last', t.lastPrice);

  const book = await rest.public.getTBook('tBTCUSD', 'P0', { len: 1 });
  console.log('best levels:', book);

  const candles = await rest.public.getCandlesHist('tBTCUSD', '1h', { limit: 3 });
  console.log('last 3 hourly closes:', candles.map((c) => c.close));

  const avg = await rest.public.getTradingMarketAveragePrice({ symbol: 'tBTCUSD', amount: 1 });
  console.log(`buying 1 BTC now costs ${avg.priceAvg.toFixed(2)} on average`);

  const fx = await rest.public.getFxRate('ETH', 'USD');
  console.log('ETH/USD fx:', fx.currentRate);
} finally {
  await sim.close();
}
