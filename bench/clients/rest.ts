/**
 * (g) REST: `calls` sequential public calls (GET ticker/tBTCUSD) against the simulator, either with
 * plain `fetch` + `res.json()` or through the library's REST client (createBfxSystem().rest, decoded
 * into the typed model). 50 warm-up calls first.
 */
import { config, finish, watchdog } from './harness.ts';

watchdog(120_000);
const calls = config.calls ?? 1000;
const url = `${config.restUrl}/ticker/tBTCUSD`;
let call: () => Promise<unknown>;
let note = '';
if (config.variant === 'library') {
  type Sys = { rest: { public: { getTTicker(s: string): Promise<unknown> } }; close(): Promise<void> };
  let create: (o: Record<string, unknown>) => Sys;
  try {
    create = ((await import('../../src/index.ts')) as unknown as { createBfxSystem: typeof create }).createBfxSystem;
  } catch {
    create = ((await import('../../src/system.ts')) as unknown as { createBfxSystem: typeof create }).createBfxSystem;
    note = 'via src/system.ts';
  }
  const sys = create({ restHost: config.restUrl, wssHost: config.url, autoConnect: false, logLevel: 'error' });
  call = () => sys.rest.public.getTTicker('tBTCUSD');
} else {
  call = async () => {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return res.json();
  };
}
for (let i = 0; i < 50; i++) await call();
const cpu0 = process.cpuUsage();
const t0 = process.hrtime.bigint();
for (let i = 0; i < calls; i++) await call();
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
const cpu = process.cpuUsage(cpu0);
finish({ ok: true, restMs: ms, updates: calls, cpuUs: cpu.user + cpu.system, ms, note });
