/**
 * Reconnection: the simulator drops every socket; the client reconnects with exponential backoff
 * (3 s growing to 60 s by default; small here), re-sends conf, re-authenticates and resubscribes,
 * then emits `reconnection(attempts, downtimeMs)`.
 *
 *   npx tsx examples/ws-reconnection.ts
 */
import { createBfxSystem } from 'bfx-actors';
import { createBfxSimulator } from 'bfx-actors/simulator';

const sim = await createBfxSimulator();
// An HTTP 429 at upgrade blocks the host for Bitfinex's 60 s by default; the simulator's refusal
// below lasts 500 ms, so this example lets a 429 block for 1 s.
const bfx = createBfxSystem({
  wssHost: sim.wsUrl,
  restHost: sim.restUrl,
  connections: 1,
  backoff: { initialMs: 200, maxMs: 2_000 },
  connectionBudget: { blockMs: 1_000 },
  logLevel: 'info',
});

bfx.ws.on('disconnection', (code, reason) => console.log('disconnection', code, reason));
const back = new Promise<void>((resolve) =>
  bfx.ws.on('reconnection', (attempts, downtimeMs) => {
    console.log(`reconnected after ${attempts} attempt(s), down for ${downtimeMs} ms`);
    resolve();
  }),
);
await bfx.ws.subscribe('ticker', { symbol: 'tBTCUSD' });
sim.faults.refuseConnections(500, 429);
sim.faults.dropAll();
await back;
bfx.ws.once('subscribed', (sub) => console.log('resubscribed', sub.symbol));
await new Promise((r) => setTimeout(r, 300));
await bfx.close();
await sim.close();
