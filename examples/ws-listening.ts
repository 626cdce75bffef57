/**
 * Listening to events: one event, several events with one listener (like the Python client's
 * `on("t_ticker_update", "f_ticker_update", callback=...)`), once, and removal.
 *
 *   npx tsx examples/ws-listening.ts
 */
import { createBfxSystem, type Subscription } from 'bfx-actors';
import { createBfxSimulator } from 'bfx-actors/simulator';

const sim = await createBfxSimulator();
const bfx = createBfxSystem({ wssHost: sim.wsUrl, restHost: sim.restUrl });

const stopCandles = bfx.ws.on('candles_update', (sub, candle) => console.log('candle', sub.key, candle.close));
const stopTickers = bfx.ws.on('t_ticker_update', 'f_ticker_update', (sub: Subscription) => console.log('ticker', sub.symbol));
bfx.ws.on('error', (error) => console.error('error event:', error.code, error.message));

await Promise.all([
  bfx.ws.subscribe('candles', { key: 'trade:1m:tBTCUSD' }),
  bfx.ws.subscribe('ticker', { symbol: 'tBTCUSD' }),
  bfx.ws.subscribe('ticker', { symbol: 'fUSD' }),
]);
await new Promise((r) => setTimeout(r, 1_500));
stopCandles();
stopTickers();
await bfx.close();
await sim.close();
