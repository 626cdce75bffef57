/**
 * Running the WebSocket client: create the system (it connects by itself), wait for `open`,
 * subscribe from the `open` listener, then close. Runs against the bundled simulator.
 *
 *   npx tsx examples/ws-running.ts
 */
import { createBfxSystem } from 'bfx-actors';
import { createBfxSimulator } from 'bfx-actors/simulator';

const sim = await createBfxSimulator();
const bfx = createBfxSystem({ wssHost: sim.wsUrl, restHost: sim.restUrl, logLevel: 'INFO' });

bfx.ws.on('open', () => {
  console.log('open: subscribing to the tBTCUSD ticker');
  bfx.ws.subscribe('ticker', { symbol: 'tBTCUSD' });
});
bfx.ws.once('t_ticker_update', (sub, ticker) => console.log(sub.symbol, 'last price', ticker.lastPrice));

await bfx.ws.connect();
await new Promise((r) => setTimeout(r, 1_000));
await bfx.close();
await sim.close();
