/**
 * Connection multiplexing: `connections` sockets of `capacity` subscriptions each (25 by default, the
 * server's limit). Subscriptions go to the least-loaded connection; beyond the total a
 * `CapacityError` is raised.
 *
 *   npx tsx examples/ws-multiplexing.ts
 */
import { CapacityError, createBfxSystem } from 'bfx-actors';
import { createBfxSimulator } from 'bfx-actors/simulator';

const sim = await createBfxSimulator();
const bfx = createBfxSystem({ wssHost: sim.wsUrl, restHost: sim.restUrl, connections: 3, capacity: 2 });

const symbols = ['tBTCUSD', 'tETHUSD', 'tLTCUSD', 'tXRPUSD', 'tSOLUSD', 'tEOSUSD', 'tDOTUSD'];
const results = await Promise.allSettled(symbols.map((symbol) => bfx.ws.subscribe('ticker', { symbol })));
results.forEach((r, i) => console.log(symbols[i], r.status === 'fulfilled' ? 'ok' : r.reason instanceof CapacityError ? 'CapacityError' : r.reason));
console.log(bfx.ws.subscriptions().map((s) => `${s.subscription.symbol} → connection ${s.connection}`));
await bfx.close();
await sim.close();
