/**
 * Embedding the supervisor in your own XState app: invoke `client.logic`, listen to the typed
 * events the machines emit with `actor.on(...)`, and read the same snapshots the client reads.
 *
 *   npx tsx examples/ws-embedding.ts
 */
import { createActor, setup, waitFor } from 'xstate';
import { allIntents, createLogger, createWsClient, type SupervisorActorRef } from 'bfx-actors';
import { createBfxSimulator } from 'bfx-actors/simulator';

const sim = await createBfxSimulator();
const client = createWsClient({ url: sim.wsUrl, logger: createLogger({ logLevel: 'warn' }), prefix: 'left.', connections: 2 });
const host = setup({ actors: { bfx: client.logic } }).createMachine({
  id: 'app',
  invoke: { id: 'bfx', src: 'bfx', systemId: 'left.supervisor', input: client.input },
});
const app = createActor(host).start();
const supervisor = app.system.get('left.supervisor') as SupervisorActorRef;
client.attach(supervisor);

supervisor.on('subscription.acked', (e) => console.log(`acked ${e.subId} on connection ${e.index} (chanId ${e.chanId})`));
supervisor.on('connection.open', (e) => console.log(`connection ${e.index} open`));

const ticker = client.subscribe('ticker', { symbol: 'tBTCUSD' }, { subId: 'btc' });
await ticker;
// The same state the client reads, from the snapshots: each connection's phase and each subscription's.
const conn = supervisor.getSnapshot().children['conn-0'] ?? supervisor.getSnapshot().children['conn-1'];
await waitFor(conn!, (s) => s.matches({ session: 'open' }));
for (const { subId, ref } of conn!.getSnapshot().context.subs) console.log(`subscription ${ref.id} (${subId}) is ${JSON.stringify(ref.getSnapshot().value)}`);
// The supervisor's intents, grouped by connection in its context.
console.log('intents:', allIntents(supervisor.getSnapshot().context).map(([subId, i]) => `${subId} on ${i.conn}`).join(', '));

await client.close();
app.stop();
await sim.close();
