#!/usr/bin/env node
/**
 * `bfx-sim` / `npm run sim`: starts the Bitfinex simulator, prints its REST and WebSocket URLs
 * and reads fault commands from stdin (`help` lists them). Exits cleanly on SIGINT/SIGTERM or
 * when stdin ends with `--exit-on-eof`.
 *
 * Flags: `--host`, `--port` (default 0 = any), `--seed`, `--rate` (market events per second per
 * subscribed symbol), `--heartbeat` (ms), `--max-subs`, `--conn-limit` (per minute, 0 = off),
 * `--api-key` / `--api-secret` (adds an account), `--exit-on-eof`.
 *
 * @module
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { applyFaultCommand } from './faults.js';
import { createBfxSimulator, type BfxSimulatorOptions } from './index.js';

const OPTIONS = {
  host: { type: 'string' },
  port: { type: 'string' },
  seed: { type: 'string' },
  rate: { type: 'string' },
  heartbeat: { type: 'string' },
  'max-subs': { type: 'string' },
  'conn-limit': { type: 'string' },
  'api-key': { type: 'string' },
  'api-secret': { type: 'string' },
  'exit-on-eof': { type: 'boolean' },
  help: { type: 'boolean' },
} as const;

const int = (s: string | undefined): number | undefined => (s === undefined || !Number.isFinite(Number(s)) ? undefined : Number(s));

/** Turns command-line flags into simulator options. */
function toOptions(v: ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values']): BfxSimulatorOptions {
  const connLimit = int(v['conn-limit']);
  return {
    host: v.host,
    port: int(v.port),
    seed: int(v.seed),
    accounts: v['api-key'] && v['api-secret'] ? [{ apiKey: v['api-key'], apiSecret: v['api-secret'] }] : [],
    market: { updatesPerSecond: int(v.rate) },
    ws: {
      heartbeatMs: int(v.heartbeat),
      maxSubscriptions: int(v['max-subs']),
      connectionsPerMinute: connLimit === 0 ? false : connLimit,
    },
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: OPTIONS, strict: true });
  if (values.help) {
    process.stdout.write('usage: bfx-sim [--port N] [--seed N] [--rate N] [--heartbeat MS] [--api-key K --api-secret S]\n');
    return;
  }
  const sim = await createBfxSimulator(toOptions(values));
  process.stdout.write(`REST ${sim.restUrl}\nWS   ${sim.wsUrl}\n`);
  process.stdout.write('fault commands on stdin (type "help")\n');
  const rl = createInterface({ input: process.stdin, terminal: false });
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    rl.close();
    sim.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  rl.on('line', (line) => {
    const out = applyFaultCommand(sim.faults, line);
    if (out) process.stdout.write(`${out}\n`);
  });
  rl.on('close', () => {
    if (values['exit-on-eof']) stop();
  });
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`bfx-sim: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
