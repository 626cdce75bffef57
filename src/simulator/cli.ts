#!/usr/bin/env node
/**
 * `bfx-sim` / `npm run sim`: starts the Bitfinex simulator, prints its REST and WebSocket URLs
 * and reads fault and scenario commands from stdin (`help` lists them). Exits cleanly on
 * SIGINT/SIGTERM or when stdin ends with `--exit-on-eof`. `--help` lists every flag with its
 * default (cli-args.ts); a bad value prints one line and exits 1; in a terminal a one-line
 * status (connections, subscriptions, frames/s) refreshes every second.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { CliError, helpText, parseCli } from './cli-args.js';
import type { MarketScenario } from './contracts.js';
import { applyFaultCommand } from './faults.js';
import { createBfxSimulator, type BfxSimulator } from './index.js';

/** The package version: the nearest package.json above the running script. */
function version(): string {
  let dir = dirname(process.argv[1] ?? '.');
  for (let i = 0; i < 6; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'bfx-actors' && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // Not here: look one level up.
    }
    dir = dirname(dir);
  }
  return 'unknown';
}

const SCENARIO_HELP = 'scenarios: crash|spike SYMBOL PERCENT [STEPS], halt SYMBOL [STEPS], resume SYMBOL, burst SYMBOL [FACTOR] [STEPS], rate FACTOR [PERIODS]';

/** A stdin scenario command, or undefined when `line` is not one. */
function scenarioOf(line: string): MarketScenario | string | undefined {
  const [cmd, a, b, c] = line.trim().split(/\s+/);
  const n = (s: string | undefined): number | undefined => (s === undefined ? undefined : Number(s));
  switch (cmd) {
    case 'crash':
    case 'spike': {
      const pct = n(b);
      if (a === undefined || pct === undefined || !Number.isFinite(pct)) return `error: ${cmd} SYMBOL PERCENT [STEPS]`;
      return { kind: cmd, symbol: a, change: (cmd === 'crash' ? -Math.abs(pct) : Math.abs(pct)) / 100, steps: n(c) };
    }
    case 'halt':
      return a === undefined ? 'error: halt SYMBOL [STEPS]' : { kind: 'halt', symbol: a, steps: n(b) };
    case 'resume':
      return a === undefined ? 'error: resume SYMBOL' : { kind: 'halt', symbol: a, steps: 0 };
    case 'burst':
      return a === undefined ? 'error: burst SYMBOL [FACTOR] [STEPS]' : { kind: 'burst', symbol: a, factor: n(b), steps: n(c) };
    case 'rate':
      return { kind: 'rate', factor: n(a), periods: n(b) };
    default:
      return undefined;
  }
}

function command(sim: BfxSimulator, line: string): string {
  const sc = scenarioOf(line);
  if (typeof sc === 'string') return sc;
  if (sc === undefined) {
    const out = applyFaultCommand(sim.faults, line);
    return line.trim() === 'help' ? `${out}\n${SCENARIO_HELP}` : out;
  }
  try {
    sim.market.scenario(sc);
    return `scenario ${sc.kind} started`;
  } catch (err) {
    return `error: ${err instanceof Error ? err.message : String(err)}`;
  }
}

function startStatus(sim: BfxSimulator): () => void {
  let last = sim.stats().framesSent;
  const timer = setInterval(() => {
    const s = sim.stats();
    const rate = s.framesSent - last;
    last = s.framesSent;
    process.stdout.write(`\r\x1b[2K${s.connections} connections · ${s.subscriptions} subscriptions · ${rate} frames/s`);
  }, 1000);
  timer.unref();
  return () => {
    clearInterval(timer);
    process.stdout.write('\n');
  };
}

async function main(): Promise<void> {
  const args = parseCli(process.argv.slice(2));
  if (args.help) return void process.stdout.write(helpText());
  if (args.version) return void process.stdout.write(`${version()}\n`);
  const sim = await createBfxSimulator(args.options);
  process.stdout.write(`REST ${sim.restUrl}\nWS   ${sim.wsUrl}\nAUTH ${sim.authWsUrl}\n`);
  if (args.options.replay !== undefined) process.stdout.write(`replaying ${sim.replayKeys.length} recorded channels at ${args.options.speed ?? 1}x\n`);
  process.stdout.write('fault and scenario commands on stdin (type "help")\n');
  const stopStatus = (args.status ?? process.stdout.isTTY === true) ? startStatus(sim) : undefined;
  const rl = createInterface({ input: process.stdin, terminal: false });
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    stopStatus?.();
    rl.close();
    sim.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  rl.on('line', (line) => {
    const out = command(sim, line);
    if (out) process.stdout.write(`${out}\n`);
  });
  rl.on('close', () => {
    if (args.exitOnEof) stop();
  });
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  const text = err instanceof CliError || !(err instanceof Error) ? String(err instanceof Error ? err.message : err) : err.message;
  process.stderr.write(`bfx-sim: ${text.split('\n')[0]}\n`);
  process.exit(1);
});
