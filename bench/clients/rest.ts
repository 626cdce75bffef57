/**
 * (g) REST: `calls` sequential public calls (GET ticker/tBTCUSD) against the simulator, either with
 * plain `fetch` + `res.json()` or through the library's REST client (createRestClient, decoded into
 * the typed model, over its ofetch transport). 50 warm-up calls first. Pacing is off: at the
 * documented 30 calls a minute for `ticker` it would measure Bitfinex's limit, not the client.
 */
import { config, finish, watchdog } from './harness.ts';

watchdog(120_000);
const calls = config.calls ?? 1000;
const url = `${config.restUrl}/ticker/tBTCUSD`;
let call: () => Promise<unknown>;
let note = '';
if (config.variant === 'library') {
  type Rest = { public: { getTTicker(s: string): Promise<unknown> } };
  const { createRestClient } = (await import('../../src/rest/index.ts')) as unknown as { createRestClient: (o: Record<string, unknown>) => Rest };
  const rest = createRestClient({ restHost: config.restUrl, pacing: false });
  note = 'createRestClient, pacing off';
  call = () => rest.public.getTTicker('tBTCUSD');
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
