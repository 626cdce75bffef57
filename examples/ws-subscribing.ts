/**
 * Subscribing: `subscribe(channel, params)` returns a handle you can await (it resolves once the
 * server acknowledged), listen on, iterate, and unsubscribe.
 *
 *   npx tsx examples/ws-subscribing.ts
 */
import { createBfxSystem } from 'bfx-actors';
import { createBfxSimulator } from 'bfx-actors/simulator';

const sim = await createBfxSimulator();
const bfx = createBfxSystem({ wssHost: sim.wsUrl, restHost: sim.restUrl });

bfx.ws.on('subscribed', (sub) => console.log('subscribed', sub.channel, sub.symbol ?? sub.key));

const ticker = bfx.ws.subscribe('ticker', { symbol: 'tBTCUSD' });
const book = bfx.ws.subscribe('book', { symbol: 'tETHUSD', prec: 'P0', len: 25 });
const candles = bfx.ws.subscribe('candles', { key: 'trade:1m:tBTCUSD' });
await Promise.all([ticker, book, candles]);

// Async iteration over one subscription's data events (ends when it is unsubscribed).
let n = 0;
for await (const message of ticker) {
  console.log(message.event, message.args[1]);
  if (++n === 3) break;
}

// Managed book: best bid / ask and spread, kept in sync and verified with checksums.
console.log('best bid', book.book?.bestBid(), 'best ask', book.book?.bestAsk(), 'spread', book.book?.spread());

// Errors are typed and never thrown synchronously.
await bfx.ws.subscribe('ticker', { symbol: 'tNOPEXX' }).then(undefined, (e: unknown) => console.log('refused:', (e as Error).message));

await candles.unsubscribe();
await bfx.close();
await sim.close();
