/**
 * `npm run bench`: the benchmark suite against the raw floor and the peers.
 *
 * One blaster process (bench/blaster.ts) serves pre-serialised frames; every measurement is a fresh
 * client process (bench/clients/*.ts). Medians of BENCH_RUNS runs (default 5) with min and max,
 * BENCH_UPDATES updates per throughput scenario (default 200,000). Results: bench/results/latest.md
 * and latest.json.
 *
 * Env: BENCH_RUNS, BENCH_UPDATES, BENCH_SCENARIOS (e.g. `a,b,f`), BENCH_CLIENTS (e.g. `floor,library`),
 * BENCH_PROFILE (client ids to run with --cpu-prof, e.g. `library`), BENCH_REST_CALLS.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nowUs, scenario, type ClientConfig, type ClientResult, type Scenario, type ScenarioId } from './lib/scenarios.ts';

const here = dirname(fileURLToPath(import.meta.url));
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
const N = Math.max(1000, Number(process.env.BENCH_UPDATES ?? 200_000));
const ONLY = process.env.BENCH_SCENARIOS?.split(',').map((s) => s.trim());
const CLIENTS_ONLY = process.env.BENCH_CLIENTS?.split(',').map((s) => s.trim());
/** Client ids to run under `node --cpu-prof` (profiles land in bench/results/profiles/). */
const PROFILE = process.env.BENCH_PROFILE;
const REST_CALLS = Number(process.env.BENCH_REST_CALLS ?? 1000);

/** A client row: which file, which variant, its label. */
interface ClientSpec {
  readonly id: string;
  readonly file: string;
  readonly variant?: string;
  readonly label: string;
}
const FLOOR: ClientSpec = { id: 'floor', file: 'floor.ts', label: 'floor (ws + JSON.parse + Map route)' };
const LIB: ClientSpec = { id: 'library', file: 'library.ts', label: 'bfx-actors (createBfxSystem → subscribe → listener)' };
const LIB_REC: ClientSpec = { id: 'library-record', file: 'library.ts', variant: 'record', label: `bfx-actors recording every frame to a ${process.env.BENCH_RECORD_GZIP ? 'gzip ' : ''}JSONL file (recordingSocketFactory + createFileRecordSink)` };
const DP: ClientSpec = { id: 'dataplane', file: 'dataplane.ts', label: 'bfx-actors data plane only (router+sink on ws; stand-in/diagnostic)' };
const BFX_RAW: ClientSpec = { id: 'bfx', file: 'bfxnode.ts', variant: 'raw', label: 'bitfinex-api-node 7.0.0 WSv2 (transform off)' };
const BFX_TR: ClientSpec = { id: 'bfx-transform', file: 'bfxnode.ts', variant: 'transform', label: 'bitfinex-api-node 7.0.0 WSv2 (transform on)' };
const CCXT: ClientSpec = { id: 'ccxt', file: 'ccxt.ts', label: 'ccxt pro 4.5.84 (bitfinex)' };
const FETCH: ClientSpec = { id: 'fetch', file: 'rest.ts', variant: 'fetch', label: 'plain fetch + res.json()' };
const LIB_REST: ClientSpec = { id: 'library-rest', file: 'rest.ts', variant: 'library', label: 'bfx-actors rest.public.getTTicker' };

const PLAN: Array<{ id: ScenarioId | 'g'; clients: ClientSpec[] }> = [
  { id: 'a', clients: [FLOOR, LIB, LIB_REC, DP, BFX_RAW, BFX_TR, CCXT] },
  { id: 'b', clients: [FLOOR, LIB, LIB_REC, DP, BFX_RAW, BFX_TR, CCXT] },
  { id: 'c', clients: [FLOOR, LIB, DP, BFX_RAW, BFX_TR, CCXT] },
  { id: 'c-cs', clients: [FLOOR, LIB, DP, BFX_RAW, BFX_TR, CCXT] },
  { id: 'd', clients: [FLOOR, LIB] },
  { id: 'e', clients: [LIB] },
  { id: 'f', clients: [FLOOR, LIB, DP, BFX_RAW, BFX_TR, CCXT] },
  { id: 'g', clients: [FETCH, LIB_REST] },
];

// ------------------------------------------------------------------------------------------ processes

const TS = ['--import', 'tsx'];

class Blaster {
  readonly proc: ChildProcess;
  #waiters = new Map<string, (m: Record<string, unknown>) => void>();
  constructor() {
    this.proc = fork(join(here, 'blaster.ts'), [], { execArgv: TS, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.proc.on('message', (m: Record<string, unknown>) => {
      const w = this.#waiters.get(m.type as string);
      if (w) {
        this.#waiters.delete(m.type as string);
        w(m);
      }
    });
  }
  send(m: Record<string, unknown>): void {
    this.proc.send(m);
  }
  request(m: Record<string, unknown>, reply: string): Promise<Record<string, unknown>> {
    return new Promise((resolve) => {
      this.#waiters.set(reply, resolve);
      this.send(m);
    });
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** One measurement in a fresh client process. */
function runClient(spec: ClientSpec, cfg: ClientConfig, blaster: Blaster | undefined, timeoutMs: number): Promise<ClientResult & { releaseUs?: number }> {
  return new Promise((resolve) => {
    const profile = PROFILE !== undefined && PROFILE.split(',').includes(spec.id);
    const child = fork(join(here, 'clients', spec.file), [], {
      execArgv: profile ? [...TS, '--cpu-prof', `--cpu-prof-dir=${join(here, 'results', 'profiles', `${spec.id}-${cfg.scenario.id}-${Date.now()}`)}`] : TS,
      env: { ...process.env, BENCH_CLIENT: JSON.stringify(cfg) },
      stdio: ['ignore', process.env.BENCH_TRACE ? 'inherit' : 'ignore', process.env.BENCH_TRACE ? 'inherit' : 'pipe', 'ipc'],
    });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => {
      if (stderr.length < 4000) stderr += String(d);
    });
    let settled = false;
    let releaseUs: number | undefined;
    const done = (r: ClientResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (child.exitCode !== null) return resolve({ ...r, releaseUs });
      // let the client exit by itself (a --cpu-prof profile is written at exit), then make sure
      const kill = setTimeout(() => child.kill('SIGKILL'), profile ? 20_000 : 3_000);
      child.once('exit', () => {
        clearTimeout(kill);
        resolve({ ...r, releaseUs });
      });
    };
    const timer = setTimeout(() => done({ ok: false, error: `no result within ${timeoutMs} ms`, maxRssMB: NaN }), timeoutMs);
    child.on('message', (m: { type: string; result?: ClientResult }) => {
      if (m.type === 'ready') {
        if (cfg.scenario.id === 'e') {
          void (async () => {
            await sleep(200);
            child.send({ type: 'outage' });
            blaster?.send({ type: 'outage' });
            await sleep(500);
            releaseUs = nowUs();
            blaster?.send({ type: 'release' });
          })();
        } else blaster?.send({ type: 'go' });
      } else if (m.type === 'result' && m.result) done(m.result);
    });
    child.on('exit', (code) => done({ ok: false, error: `exited with ${code} before reporting: ${stderr.trim().split('\n').slice(-3).join(' | ')}`, maxRssMB: NaN }));
  });
}

// ------------------------------------------------------------------------------------------ stats

interface Summary {
  median: number;
  min: number;
  max: number;
}
const summary = (xs: number[]): Summary | undefined => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return undefined;
  return { median: s[Math.floor((s.length - 1) / 2)], min: s[0], max: s[s.length - 1] };
};

interface Row {
  scenario: string;
  client: string;
  label: string;
  runs: Array<ClientResult & { releaseUs?: number; accepts?: Record<string, number>; reconnectMs?: number; spanMs?: number }>;
  errors: string[];
  notes: string[];
  msgPerSec?: Summary;
  cpuUsPerMsg?: Summary;
  rssMB?: Summary;
  subscribeMs?: Summary;
  reconnectMs?: Summary;
  spanMs?: Summary;
  p50Us?: Summary;
  p99Us?: Summary;
  maxUs?: Summary;
  restMs?: Summary;
}

function summarise(row: Row): void {
  const ok = row.runs.filter((r) => r.ok);
  const pick = (f: (r: Row['runs'][number]) => number | undefined): Summary | undefined => summary(ok.map(f).filter((x): x is number => x !== undefined));
  row.msgPerSec = pick((r) => (r.updates !== undefined && r.ms !== undefined && r.restMs === undefined ? (r.updates / r.ms) * 1000 : undefined));
  row.cpuUsPerMsg = pick((r) => (r.cpuUs !== undefined && r.updates ? r.cpuUs / r.updates : undefined));
  row.rssMB = pick((r) => r.maxRssMB);
  row.subscribeMs = pick((r) => r.subscribeMs);
  row.reconnectMs = pick((r) => r.reconnectMs);
  row.spanMs = pick((r) => r.spanMs);
  row.p50Us = pick((r) => r.p50Us);
  row.p99Us = pick((r) => r.p99Us);
  row.maxUs = pick((r) => r.maxUs);
  row.restMs = pick((r) => r.restMs);
}

// ------------------------------------------------------------------------------------------ main

const rows: Row[] = [];
const startedAt = new Date();
console.log(`bfx-actors bench: node ${process.version}, ${cpus().length} cpus, ${RUNS} runs, ${N.toLocaleString('en')} updates`);

const blaster = new Blaster();
let sim: { restUrl: string; wsUrl: string; close(): Promise<void> } | undefined;
let simNote = '';

for (const step of PLAN) {
  if (ONLY && !ONLY.includes(step.id)) continue;
  const clients = step.clients.filter((c) => !CLIENTS_ONLY || CLIENTS_ONLY.includes(c.id));
  if (clients.length === 0) continue;
  let sc: Scenario;
  let url = '';
  let restUrl = '';
  if (step.id === 'g') {
    try {
      const mod = (await import('../src/simulator/index.ts')) as unknown as {
        createBfxSimulator(o: Record<string, unknown>): Promise<{ restUrl: string; wsUrl: string; close(): Promise<void> }>;
      };
      sim = await mod.createBfxSimulator({ rest: { rateLimit: false }, market: { updatesPerSecond: 0 } });
      restUrl = sim.restUrl;
      url = sim.wsUrl;
    } catch (error) {
      simNote = `simulator unavailable: ${error instanceof Error ? error.message : String(error)}`;
      console.log(`(g) skipped: ${simNote}`);
      continue;
    }
    sc = { id: 'a', title: '(g) REST: 1,000 public calls against the simulator', connections: 0, subs: [], updates: 0, checksumFrames: false, manage: false };
  } else {
    sc = scenario(step.id, N);
    const { port } = await blaster.request({ type: 'scenario', scenario: sc }, 'listening');
    await blaster.request({ type: 'prepare' }, 'prepared');
    url = `ws://127.0.0.1:${String(port)}/ws/2`;
  }
  const stepRows = clients.map((c): Row => ({ scenario: step.id, client: c.id, label: c.label, runs: [], errors: [], notes: [] }));
  rows.push(...stepRows);
  const timeout = step.id === 'e' ? 90_000 : step.id === 'g' ? 120_000 : 240_000;
  if (step.id !== 'g' && step.id !== 'e') {
    // one unmeasured floor run warms the blaster (JIT, packed chunks)
    await runClient(FLOOR, { client: 'floor', scenario: sc, url, restUrl }, blaster, timeout);
    await blaster.request({ type: 'drop' }, 'dropped');
  }
  for (let run = 0; run < RUNS; run++) {
    for (let k = 0; k < clients.length; k++) {
      const c = clients[k];
      const cfg: ClientConfig = { client: c.id, variant: c.variant, scenario: sc, url, restUrl, calls: REST_CALLS };
      const r = await runClient(c, cfg, step.id === 'g' ? undefined : blaster, timeout);
      const entry: Row['runs'][number] = { ...r };
      if (step.id === 'e' && r.ok && r.live) {
        const { accepts } = (await blaster.request({ type: 'accepts' }, 'accepts')) as unknown as { accepts: Record<string, number> };
        let worst = 0;
        let firstAccept = Infinity;
        let lastLive = 0;
        for (const [key, liveAt] of Object.entries(r.live)) {
          const acc = accepts[key];
          if (acc === undefined) continue;
          worst = Math.max(worst, liveAt - acc);
          if (r.releaseUs !== undefined && acc >= r.releaseUs) firstAccept = Math.min(firstAccept, acc);
          lastLive = Math.max(lastLive, liveAt);
        }
        entry.reconnectMs = worst / 1000;
        entry.spanMs = Number.isFinite(firstAccept) ? (lastLive - firstAccept) / 1000 : undefined;
        delete entry.live;
      }
      if (step.id !== 'g') await blaster.request({ type: 'drop' }, 'dropped');
      stepRows[k].runs.push(entry);
      if (!r.ok) stepRows[k].errors.push(r.error ?? 'failed');
      if (r.note && !stepRows[k].notes.includes(r.note)) stepRows[k].notes.push(r.note);
      const brief = r.ok
        ? r.p99Us !== undefined
          ? `p50 ${r.p50Us} µs p99 ${r.p99Us} µs`
          : r.restMs !== undefined
            ? `${r.restMs.toFixed(0)} ms`
            : r.subscribeMs !== undefined
              ? `${r.subscribeMs.toFixed(0)} ms to all subscribed`
              : entry.reconnectMs !== undefined
                ? `${entry.reconnectMs.toFixed(1)} ms accept→live`
                : `${Math.round(((r.updates ?? 0) / (r.ms ?? 1)) * 1000).toLocaleString('en')} msg/s`
        : `FAILED ${r.error}`;
      console.log(`  ${step.id.padEnd(5)} run ${run + 1}/${RUNS} ${c.id.padEnd(14)} ${brief}  rss ${r.maxRssMB.toFixed(0)} MB`);
      await sleep(150);
    }
  }
  stepRows.forEach(summarise);
  if (sim) {
    await sim.close();
    sim = undefined;
  }
}
blaster.send({ type: 'exit' });

// ------------------------------------------------------------------------------------------ report

const get = (scenarioId: string, client: string): Row | undefined => rows.find((r) => r.scenario === scenarioId && r.client === client);
const f0 = (x: number | undefined): string => (x === undefined || !Number.isFinite(x) ? '–' : Math.round(x).toLocaleString('en'));
const f1 = (x: number | undefined): string => (x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(1));
const f2 = (x: number | undefined): string => (x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(2));
const span = (s: Summary | undefined, fmt: (x: number) => string): string => (s === undefined ? '–' : `${fmt(s.median)} (${fmt(s.min)}–${fmt(s.max)})`);
const ratio = (a: Summary | undefined, b: Summary | undefined): string => (a && b ? `${(a.median / b.median).toFixed(2)}×` : '–');
/**
 * Paired ratio: the median over runs of (this client's msg/s ÷ the floor's msg/s in the same run).
 * Runs alternate clients, so each pair ran back to back; on a machine whose speed drifts between
 * runs this is steadier than the ratio of the two medians. `by: 'cpu'` pairs CPU µs per message.
 */
function paired(r: Row | undefined, floor: Row | undefined, by: 'rate' | 'cpu' = 'rate'): number | undefined {
  if (r === undefined || floor === undefined) return undefined;
  const xs: number[] = [];
  for (let i = 0; i < Math.min(r.runs.length, floor.runs.length); i++) {
    const a = r.runs[i];
    const b = floor.runs[i];
    if (!a?.ok || !b?.ok || !a.ms || !b.ms || !a.updates || !b.updates) continue;
    if (by === 'cpu') {
      if (a.cpuUs && b.cpuUs) xs.push(b.cpuUs / b.updates / (a.cpuUs / a.updates));
    } else xs.push(a.updates / a.ms / (b.updates / b.ms));
  }
  if (xs.length === 0) return undefined;
  xs.sort((x, y) => x - y);
  return xs.length % 2 ? xs[xs.length >> 1] : (xs[xs.length / 2 - 1] + xs[xs.length / 2]) / 2;
}
const px = (x: number | undefined): string => (x === undefined ? '–' : `${x.toFixed(2)}×`);

const md: string[] = [];
md.push(`# bfx-actors benchmark — ${startedAt.toISOString()}`);
md.push('');
md.push(`node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB; ` +
  `${RUNS} runs per row (median, min–max), ${N.toLocaleString('en')} updates per throughput scenario; loopback blaster of pre-serialised frames; one client process per measurement.`);
md.push('');
md.push('## Throughput (a)–(c)');
md.push('');
md.push('| scenario | client | msg/s | CPU µs/msg | peak RSS MB | × floor | × floor by CPU/msg | paired × floor (by CPU) | × bfx-api-node (raw) | × ccxt |');
md.push('|---|---|---|---|---|---|---|---|---|---|');
for (const id of ['a', 'b', 'c', 'c-cs']) {
  const floor = get(id, 'floor')?.msgPerSec;
  const bfx = get(id, 'bfx')?.msgPerSec;
  const cc = get(id, 'ccxt')?.msgPerSec;
  const floorCpu = get(id, 'floor')?.cpuUsPerMsg;
  for (const r of rows.filter((x) => x.scenario === id)) {
    const err = r.errors.length ? ` ⚠ ${r.errors.length} failed: ${r.errors[0].slice(0, 80)}` : '';
    const fr = get(id, 'floor');
    const pair = r.client === 'floor' ? '–' : `${px(paired(r, fr))} (${px(paired(r, fr, 'cpu'))})`;
    md.push(`| ${scenario(id as ScenarioId, N).title} | ${r.label}${err} | ${span(r.msgPerSec, f0)} | ${span(r.cpuUsPerMsg, f2)} | ${span(r.rssMB, f0)} | ${ratio(r.msgPerSec, floor)} | ${ratio(floorCpu, r.cpuUsPerMsg)} | ${pair} | ${ratio(r.msgPerSec, bfx)} | ${ratio(r.msgPerSec, cc)} |`);
  }
}
md.push('');
md.push('## (d) 2,500 subscriptions over 100 connections (500 symbols × ticker, trades, book P0, book P1, candles 1m)');
md.push('');
md.push('| client | time to all subscribed (snapshots in) ms | peak RSS MB |');
md.push('|---|---|---|');
for (const r of rows.filter((x) => x.scenario === 'd')) md.push(`| ${r.label}${r.errors.length ? ` ⚠ ${r.errors[0].slice(0, 80)}` : ''} | ${span(r.subscribeMs, f0)} | ${span(r.rssMB, f0)} |`);
md.push('');
md.push('## (e) 125 subscriptions over 5 connections: server drops every socket, refuses for 500 ms, then accepts');
md.push('');
md.push('| client | accept → all its subscriptions live, worst connection (ms) | first accept → last subscription live (ms, includes backoff jitter between connections) |');
md.push('|---|---|---|');
for (const r of rows.filter((x) => x.scenario === 'e')) md.push(`| ${r.label}${r.errors.length ? ` ⚠ ${r.errors[0].slice(0, 80)}` : ''} | ${span(r.reconnectMs, f1)} | ${span(r.spanMs, f0)} |`);
md.push('');
md.push('## (f) latency, blaster send → listener, 20,000 msg/s on one trades channel (first 10 % skipped)');
md.push('');
md.push('| client | p50 µs | p99 µs | max µs | peak RSS MB |');
md.push('|---|---|---|---|---|');
for (const r of rows.filter((x) => x.scenario === 'f')) md.push(`| ${r.label}${r.errors.length ? ` ⚠ ${r.errors[0].slice(0, 80)}` : ''} | ${span(r.p50Us, f0)} | ${span(r.p99Us, f0)} | ${span(r.maxUs, f0)} | ${span(r.rssMB, f0)} |`);
md.push('');
md.push(`## (g) REST: ${REST_CALLS.toLocaleString('en')} sequential public calls (GET ticker/tBTCUSD) against the simulator`);
md.push('');
md.push('| client | total ms | µs per call | CPU µs per call | overhead vs fetch |');
md.push('|---|---|---|---|---|');
const fetchRow = get('g', 'fetch');
for (const r of rows.filter((x) => x.scenario === 'g')) {
  const per = r.restMs ? (r.restMs.median * 1000) / REST_CALLS : undefined;
  const over = r.client !== 'fetch' && fetchRow?.restMs && r.restMs ? `${(((r.restMs.median - fetchRow.restMs.median) * 1000) / REST_CALLS).toFixed(0)} µs/call (${ratio(r.restMs, fetchRow.restMs)} time)` : '–';
  md.push(`| ${r.label}${r.errors.length ? ` ⚠ ${r.errors[0].slice(0, 80)}` : ''} | ${span(r.restMs, f0)} | ${f0(per)} | ${span(r.cpuUsPerMsg, f0)} | ${over} |`);
}
if (simNote) md.push(`\n(g) skipped: ${simNote}`);

// ------------------------------------------------------------------------------------------ targets
interface Target { name: string; measured: string; pass: boolean | undefined }
const targets: Target[] = [];
const tput = (id: string, goal: number, floorId = id, floorClient = 'floor'): void => {
  const lib = get(id, 'library')?.msgPerSec;
  const fl = get(floorId, floorClient)?.msgPerSec;
  const name = id === 'c-cs' ? `(c) with checksum ≥ ${goal}× floor's managed-book (c) throughput` : `(${id}) ≥ ${goal}× floor`;
  if (!lib || !fl) return void targets.push({ name, measured: 'not measured', pass: undefined });
  const x = lib.median / fl.median;
  const libCpu = get(id, 'library')?.cpuUsPerMsg;
  const flCpu = get(floorId, floorClient)?.cpuUsPerMsg;
  const byCpu = libCpu && flCpu ? `; by CPU/msg ${(flCpu.median / libCpu.median).toFixed(2)}×` : '';
  targets.push({ name, measured: `${x.toFixed(2)}× (${f0(lib.median)} vs ${f0(fl.median)} msg/s${byCpu})`, pass: x >= goal });
};
tput('a', 0.8);
tput('b', 0.8);
tput('c-cs', 0.7, 'c');
// Recording cheap enough to leave on: ≥ 0.8× the library's own throughput in the same runs.
for (const id of ['a', 'b']) {
  const rec = get(id, 'library-record');
  const lib = get(id, 'library');
  const name = `(${id}) recording to a file ≥ 0.8× the same run without it`;
  if (!rec?.msgPerSec || !lib?.msgPerSec) targets.push({ name, measured: 'not measured', pass: undefined });
  else {
    const x = rec.msgPerSec.median / lib.msgPerSec.median;
    const byCpu = rec.cpuUsPerMsg && lib.cpuUsPerMsg ? `; by CPU/msg ${(lib.cpuUsPerMsg.median / rec.cpuUsPerMsg.median).toFixed(2)}×` : '';
    targets.push({ name, measured: `${x.toFixed(2)}× (${f0(rec.msgPerSec.median)} vs ${f0(lib.msgPerSec.median)} msg/s${byCpu})`, pass: x >= 0.8 });
  }
}
// Issue 9 ("no speed lost"): (a), (b) ≥ 0.9× and (c) ≥ 0.85× the floor, paired per run; (d) ≤ 500 ms and ≤ 150 MB.
for (const [id, goal] of [['a', 0.9], ['b', 0.9], ['c', 0.85]] as const) {
  const x = paired(get(id, 'library'), get(id, 'floor'));
  const name = `(${id}) ≥ ${goal}× floor, paired per run (issue 9)`;
  targets.push(x === undefined ? { name, measured: 'not measured', pass: undefined } : { name, measured: `${x.toFixed(2)}× (by CPU/msg ${px(paired(get(id, 'library'), get(id, 'floor'), 'cpu'))})`, pass: x >= goal });
}
const d = get('d', 'library');
targets.push({ name: '(d) ≤ 500 ms to all subscribed (issue 9)', measured: d?.subscribeMs ? `${f0(d.subscribeMs.median)} ms (floor ${f0(get('d', 'floor')?.subscribeMs?.median)} ms)` : 'not measured', pass: d?.subscribeMs ? d.subscribeMs.median <= 500 : undefined });
targets.push({ name: '(d) ≤ 150 MB peak RSS (issue 9)', measured: d?.rssMB ? `${f0(d.rssMB.median)} MB (floor ${f0(get('d', 'floor')?.rssMB?.median)} MB)` : 'not measured', pass: d?.rssMB ? d.rssMB.median <= 150 : undefined });
targets.push({ name: '(d) peak RSS < 200 MB', measured: d?.rssMB ? `${f0(d.rssMB.median)} MB (max ${f0(d.rssMB.max)})` : 'not measured', pass: d?.rssMB ? d.rssMB.max < 200 : undefined });
const e = get('e', 'library');
targets.push({ name: '(e) accept → all live < 1 s', measured: e?.reconnectMs ? `${f1(e.reconnectMs.median)} ms (max ${f1(e.reconnectMs.max)})` : 'not measured', pass: e?.reconnectMs ? e.reconnectMs.max < 1000 : undefined });
const fl = get('f', 'library');
targets.push({ name: '(f) p99 < 2 ms', measured: fl?.p99Us ? `${f0(fl.p99Us.median)} µs (max ${f0(fl.p99Us.max)})` : 'not measured', pass: fl?.p99Us ? fl.p99Us.median < 2000 : undefined });
md.push('');
md.push('## Targets (library, same run)');
md.push('');
md.push('| target | measured (median) | result |');
md.push('|---|---|---|');
for (const t of targets) md.push(`| ${t.name} | ${t.measured} | ${t.pass === undefined ? 'n/a' : t.pass ? 'PASS' : 'FAIL'} |`);
const notes = [...new Set(rows.flatMap((r) => r.notes))];
if (notes.length) {
  md.push('');
  md.push('Notes from the clients:');
  for (const n of notes) md.push(`- ${n}`);
}
md.push('');

const outDir = join(here, 'results');
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'latest.md'), md.join('\n'));
writeFileSync(
  join(outDir, 'latest.json'),
  `${JSON.stringify({ startedAt: startedAt.toISOString(), node: process.version, cpus: cpus().length, runs: RUNS, updates: N, restCalls: REST_CALLS, rows, targets }, null, 2)}\n`,
);
console.log(`\n${md.join('\n')}`);
console.log(`written ${join('bench', 'results', 'latest.md')} and latest.json`);
process.exit(0);
