/**
 * Closing: `close(code, reason)` closes every socket with that code and settles every pending
 * promise; `disconnection` reports each socket's close.
 *
 *   npx tsx examples/ws-closing.ts
 */
import { createBfxSystem } from 'bfx-actors';
import { createBfxSimulator } from 'bfx-actors/simulator';

const sim = await createBfxSimulator();
const bfx = createBfxSystem({ wssHost: sim.wsUrl, restHost: sim.restUrl, connections: 2 });

await bfx.ws.subscribe('ticker', { symbol: 'tBTCUSD' });
console.log('connections:', bfx.ws.connections());
await bfx.ws.close(1001, 'Going Away');
console.log('closed; connections:', bfx.ws.connections());
await bfx.close();
await sim.close();
