/**
 * What every client process shares: its config, the IPC handshake with run.ts, the throughput
 * meter (clock and CPU from the first update to the last), latency samples and peak RSS.
 */
import { nowUs, type ClientConfig, type ClientResult } from '../lib/scenarios.ts';

export const config: ClientConfig = JSON.parse(process.env.BENCH_CLIENT ?? '{}') as ClientConfig;

let finished = false;

const maxRssMB = (): number => process.resourceUsage().maxRSS / 1024;

/** Send the result and exit. */
export function finish(result: Omit<ClientResult, 'maxRssMB'>): void {
  if (finished) return;
  finished = true;
  const full: ClientResult = { ...result, maxRssMB: maxRssMB() };
  process.send?.({ type: 'result', result: full }, () => process.exit(0));
  setTimeout(() => process.exit(0), 2000).unref();
}

export function fail(error: unknown): void {
  finish({ ok: false, error: error instanceof Error ? `${error.message}` : String(error) });
}

process.on('uncaughtException', (e) => fail(e));
process.on('unhandledRejection', (e) => fail(e));

/** Handlers for messages from run.ts (scenario e's outage notice). */
const onParent: Array<(m: { type: string }) => void> = [];
process.on('message', (m: { type: string }) => {
  for (const f of onParent) f(m);
});
export const onParentMessage = (f: (m: { type: string }) => void): void => void onParent.push(f);

/** Tell run.ts that every snapshot is in (it then starts the blast / the outage). */
export function ready(extra: Record<string, unknown> = {}): void {
  process.send?.({ type: 'ready', ...extra });
}

/** Throughput meter: call `tick()` once per update; finishes itself after `expected` updates. */
export class Meter {
  count = 0;
  #t0 = 0n;
  #cpu0: NodeJS.CpuUsage = { user: 0, system: 0 };
  constructor(readonly expected: number) {}
  tick(): void {
    if (++this.count === 1) this.start();
    else if (this.count === this.expected) this.end();
  }
  start(): void {
    this.#t0 = process.hrtime.bigint();
    this.#cpu0 = process.cpuUsage();
  }
  /** Finish (also used by pull-style clients on the sentinel). */
  end(count = this.count): void {
    const ns = Number(process.hrtime.bigint() - this.#t0);
    const cpu = process.cpuUsage(this.#cpu0);
    finish({ ok: true, updates: count, ms: ns / 1e6, cpuUs: cpu.user + cpu.system });
  }
}

/** Latency recorder for scenario f: the trade id is the blaster's send time in hrtime µs. */
export class Latency {
  readonly #samples: number[] = [];
  #n = 0;
  constructor(readonly expected: number) {}
  /** Record one trade; finishes after `expected`. */
  record(sentUs: number): void {
    const lat = nowUs() - sentUs;
    if (++this.#n > this.expected * 0.1) this.#samples.push(lat); // skip the first 10 % (warm-up)
    if (this.#n >= this.expected) this.end();
  }
  end(): void {
    const s = this.#samples.sort((a, b) => a - b);
    const q = (p: number): number => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN;
    finish({ ok: true, p50Us: q(0.5), p99Us: q(0.99), maxUs: s[s.length - 1], samples: s.length });
  }
}

/** A watchdog so a stuck client still reports. */
export function watchdog(ms: number): void {
  setTimeout(() => fail(new Error(`timed out after ${ms} ms`)), ms).unref();
}
