/**
 * The managed account (`bfx.account`) and an order in flight across a drop, against the bundled
 * simulator: `npx tsx examples/account.ts`. Against the real API, drop `wssHost` / `restHost` and
 * pass your own `apiKey` / `apiSecret` (and leave out the simulator's faults).
 */
import { InputNotAppliedError, OutcomeUnknownError, createBfxSystem } from 'bfx-actors';
import { createBfxSimulator } from 'bfx-actors/simulator';

const apiKey = 'example-key';
const apiSecret = 'example-secret';
const sim = await createBfxSimulator({ accounts: [{ apiKey, apiSecret }], market: { updatesPerSecond: 0 } });
const bfx = createBfxSystem({ wssHost: sim.wsUrl, restHost: sim.restUrl, apiKey, apiSecret, backoff: { initialMs: 100 }, logLevel: 'error' });

/** Resolves once the account's snapshots of one session arrived (`fls` is the last one after auth). */
const synced = (): Promise<void> =>
  new Promise((resolve) => {
    const off = bfx.account.on('snapshot_applied', (e) => {
      if (e.collection !== 'funding_loan') return;
      off();
      resolve();
    });
  });

try {
  bfx.ws.on('error', (err) => console.error('error:', err.code, err.message));
  bfx.account.on('order_opened_offline', ({ after }) => console.log(`opened while offline: #${after.id} ${after.amount} @ ${after.price}`));
  bfx.account.on('order_closed_offline', ({ before }) => console.log(`closed while offline: #${before.id} (was ${before.amount} @ ${before.price})`));
  bfx.account.on('wallet_changed_offline', ({ before, after }) => console.log(`wallet ${after.walletType} ${after.currency}: ${before.balance} -> ${after.balance}`));
  await synced();
  for (const w of bfx.account.wallets()) console.log(`wallet ${w.walletType.padEnd(8)} ${w.currency.padEnd(5)} ${w.balance}`);

  const resting = await bfx.ws.inputs.submitOrder({ type: 'EXCHANGE LIMIT', symbol: 'tBTCUSD', amount: 0.01, price: 10_000 });
  console.log(`active orders: ${bfx.account.orders().map((o) => `#${o.id}`).join(', ')}`);

  // The socket is cut right after the exchange executed the next order, before its answer left.
  sim.faults.cutAfterInput('on');
  sim.faults.refuseConnections(500); // stay offline a moment...
  const next = synced();
  const inFlight = bfx.ws.inputs.submitOrder({ type: 'EXCHANGE LIMIT', symbol: 'tBTCUSD', amount: 0.02, price: 9_000 });
  await bfx.rest.auth.cancelOrder({ id: resting.data.id }); // ...while REST cancels an order
  try {
    const n = await inFlight;
    console.log(`in-flight order: ${n.status}, #${n.data.id} cid ${n.data.cid} (${n.text})`);
  } catch (err) {
    if (err instanceof InputNotAppliedError) console.log(`in-flight order was not placed: ${err.message}`);
    else if (err instanceof OutcomeUnknownError) console.log(`in-flight order: outcome unknown, look up cid ${err.cid}`);
    else throw err;
  }
  await next;
  console.log(`after the drop: ${bfx.account.orders().length} active order(s), ${bfx.account.actor.getSnapshot().context.sessions} sessions`);
} finally {
  await bfx.close();
  await sim.close();
}
