/**
 * What XState alone costs for scenario (d)'s 2,500 subscriptions over 100 connections, with no
 * socket, no frame, no decode and no host: the lower bound any design with one actor per
 * subscription pays before the network is even touched.
 *
 *   npx tsx bench/actor-floor.bench.ts            # 7 fresh processes per variant (cold JIT, as (d) runs)
 *   npx tsx bench/actor-floor.bench.ts --runs=3
 *
 * Variants, each in a fresh process (scenario (d) runs in a fresh process too):
 * - `tiny`: a two-state machine per subscription: spawn + one transition (XState's own floor);
 * - `subscription`: the real subscription machine, spawned in batches of 25 (one `SUBSCRIBE_BATCH`
 *   per connection) and driven through `CONNECTED` and `ACK`: exactly the actor work a subscription
 *   needs to become live. Its subscribe frame goes to a no-op socket actor.
 *
 * Reported: median, min and max wall ms of the variant's actor work, and the live heap after it.
 *
 * @module
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { assign, createActor, createMachine, fromCallback, setup, type AnyActorLogic, type AnyActorRef } from 'xstate';
import { subscriptionMachine } from '../machines/subscription.machine.js';

const CONNECTIONS = 100;
const PER_CONNECTION = 25;

interface Result {
  readonly variant: string;
  readonly ms: number;
  readonly heapMB: number;
}

const tiny = createMachine({ initial: 'pending', states: { pending: { on: { CONNECTED: 'active' } }, active: {} } });

/** A parent spawning its children in one batch event, like a connection does. */
const parentOf = (child: AnyActorLogic) =>
  setup({
    types: { context: {} as { subs: AnyActorRef[] }, events: {} as { type: 'SUBSCRIBE_BATCH'; ids: readonly string[] } },
    actors: { child },
  }).createMachine({
    context: { subs: [] },
    on: {
      SUBSCRIBE_BATCH: {
        actions: assign(({ context, event, spawn }) => ({
          subs: [
            ...context.subs,
            ...event.ids.map((id) => spawn('child', { id, input: { sub: { subId: id, channel: 'trades', symbol: 'tBTCUSD' } } })),
          ],
        })),
      },
    },
  });

function measure(variant: string): Result {
  const socket = createActor(fromCallback(() => undefined)).start();
  const parents = Array.from({ length: CONNECTIONS }, () => createActor(parentOf(variant === 'tiny' ? tiny : subscriptionMachine)).start());
  const t0 = performance.now();
  parents.forEach((p, c) => p.send({ type: 'SUBSCRIBE_BATCH', ids: Array.from({ length: PER_CONNECTION }, (_, i) => `s${c}-${i}`) }));
  for (const p of parents) for (const s of p.getSnapshot().context.subs) s.send({ type: 'CONNECTED', socket });
  if (variant !== 'tiny') {
    let chanId = 1;
    for (const p of parents) for (const s of p.getSnapshot().context.subs) s.send({ type: 'ACK', chanId: chanId++ });
  }
  const ms = performance.now() - t0;
  const live = parents.flatMap((p) => p.getSnapshot().context.subs).filter((s) => s.getSnapshot().value === 'active').length;
  if (live !== CONNECTIONS * PER_CONNECTION) throw new Error(`${variant}: ${live} live, expected ${CONNECTIONS * PER_CONNECTION}`);
  (globalThis as { gc?: () => void }).gc?.();
  const heapMB = process.memoryUsage().heapUsed / 1e6;
  for (const p of parents) p.stop();
  socket.stop();
  return { variant, ms, heapMB };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

if (process.env.ACTOR_FLOOR_CHILD !== undefined) {
  process.send?.(measure(process.env.ACTOR_FLOOR_CHILD));
} else {
  const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 7);
  const self = fileURLToPath(import.meta.url);
  const once = (variant: string): Promise<Result> =>
    new Promise((resolve, reject) => {
      const child = fork(self, [], { env: { ...process.env, ACTOR_FLOOR_CHILD: variant }, execArgv: ['--import', 'tsx', '--expose-gc'] });
      child.once('message', (m) => resolve(m as Result));
      child.once('error', reject);
      child.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`${variant} exited ${code}`))));
    });
  const results: Record<string, Result[]> = { tiny: [], subscription: [] };
  for (let r = 0; r < runs; r++) for (const v of Object.keys(results)) results[v]?.push(await once(v));
  console.log(`${CONNECTIONS * PER_CONNECTION} subscriptions over ${CONNECTIONS} parents, ${runs} fresh processes each`);
  console.log('| variant | actor work, median ms (min–max) | per subscription | live heap after |');
  console.log('|---|---|---|---|');
  for (const [v, rs] of Object.entries(results)) {
    const ms = rs.map((x) => x.ms);
    const m = median(ms);
    console.log(`| ${v} | ${m.toFixed(0)} (${Math.min(...ms).toFixed(0)}–${Math.max(...ms).toFixed(0)}) | ${((m * 1000) / (CONNECTIONS * PER_CONNECTION)).toFixed(0)} µs | ${median(rs.map((x) => x.heapMB)).toFixed(0)} MB |`);
  }
}
