/**
 * `npm run demo`: starts the simulator and shows a live terminal view (tickers, a top of book, each
 * connection's state) redrawn in place with ANSI cursor codes. The simulator drops a socket now and
 * then so reconnection can be watched. Exits by itself after DEMO_SECONDS (default 20) and on Ctrl-C.
 */
import { createBfxSystem, type TradingPairTicker } from 'bfx-actors';
import { createBfxSimulator } from 'bfx-actors/simulator';

const seconds = Number(process.env.DEMO_SECONDS ?? 20) || 20;
const SYMBOLS = ['tBTCUSD', 'tETHUSD', 'tSOLUSD', 'tXRPUSD', 'tLTCUSD'];
const ESC = '\u001b[';
const out = process.stdout;

const sim = await createBfxSimulator({ market: { updatesPerSecond: 8 } });
const bfx = createBfxSystem({
  wssHost: sim.wsUrl,
  restHost: sim.restUrl,
  connections: 3,
  // Open all three sockets now (by default connection N + 1 opens when the first N are full).
  eager: true,
  backoff: { initialMs: 300, maxMs: 3_000 },
  logLevel: 'error',
});

const tickers = new Map<string, TradingPairTicker>();
const events: string[] = [];
const note = (line: string): void => {
  events.unshift(`${new Date().toISOString().slice(11, 19)} ${line}`);
  events.length = Math.min(events.length, 6);
};
bfx.ws.on('t_ticker_update', (sub, t) => void tickers.set(sub.symbol ?? '?', t));
bfx.ws.on('disconnection', (code) => note(`disconnection (${code})`));
bfx.ws.on('reconnection', (attempts, ms) => note(`reconnection after ${attempts} attempt(s), ${ms} ms down`));
bfx.ws.on('error', (e) => note(`error ${e.code}`));

await Promise.all(SYMBOLS.map((symbol) => bfx.ws.subscribe('ticker', { symbol })));
const book = bfx.ws.subscribe('book', { symbol: 'tBTCUSD', prec: 'P0', len: 25 });
await book;

const pad = (s: string | number, n: number): string => String(s).padStart(n);
const color = (state: string): string => (state === 'open' ? '32' : state === 'closed' ? '31' : '33');

function render(left: number): void {
  const lines: string[] = [];
  lines.push(`${ESC}1mbfx-actors demo${ESC}0m  (simulator ${sim.wsUrl}, ${left}s left, Ctrl-C to quit)`, '');
  lines.push(`${ESC}1m${'symbol'.padEnd(10)}${pad('last', 12)}${pad('bid', 12)}${pad('ask', 12)}${pad('24h %', 9)}${ESC}0m`);
  for (const s of SYMBOLS) {
    const t = tickers.get(s);
    const change = t ? (t.dailyChangeRelative * 100).toFixed(2) : '';
    lines.push(`${s.padEnd(10)}${pad(t?.lastPrice ?? '…', 12)}${pad(t?.bid ?? '', 12)}${pad(t?.ask ?? '', 12)}${pad(change, 9)}`);
  }
  lines.push('', `${ESC}1mtBTCUSD book (top 5)${ESC}0m`);
  const bids = (book.book?.bids(5) ?? []) as Array<{ price: number; amount: number }>;
  const asks = (book.book?.asks(5) ?? []) as Array<{ price: number; amount: number }>;
  for (let i = 0; i < 5; i++) {
    const b = bids[i];
    const a = asks[i];
    lines.push(`${ESC}32m${pad(b ? b.amount.toFixed(4) : '', 12)} ${pad(b?.price ?? '', 10)}${ESC}0m | ${ESC}31m${pad(a?.price ?? '', 10)} ${pad(a ? (-a.amount).toFixed(4) : '', 12)}${ESC}0m`);
  }
  lines.push('', `${ESC}1mconnections${ESC}0m  ${bfx.ws.connections().map((c) => `#${c.index} ${ESC}${color(c.state)}m${c.state}${ESC}0m`).join('   ')}`);
  lines.push('', `${ESC}1mevents${ESC}0m`, ...events, ...Array.from({ length: 6 - events.length }, () => ''));
  out.write(`${ESC}H${ESC}2J${lines.map((l) => `${l}${ESC}K`).join('\n')}\n`);
}

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  clearInterval(timer);
  clearInterval(chaos);
  out.write(`${ESC}?25h\n`);
  await bfx.close();
  await sim.close();
  process.exit(0);
}

const deadline = Date.now() + seconds * 1_000;
out.write(`${ESC}?25l`);
const timer = setInterval(() => {
  const left = Math.max(0, Math.ceil((deadline - Date.now()) / 1_000));
  render(left);
  if (left === 0) void stop();
}, 200);
const chaos = setInterval(() => {
  const open = sim.faults.connections();
  const victim = open[Math.floor(Math.random() * open.length)];
  if (victim && sim.faults.drop(victim.index) > 0) note(`simulator dropped socket #${victim.index}`);
}, 6_000);
process.on('SIGINT', () => void stop());
