/**
 * The library in a real browser: headless Chromium (playwright-core) loads the dashboard example,
 * bundled from the package source by esbuild for `--platform=browser` with no shims, served on
 * 127.0.0.1, against the simulator. It calls public and authenticated REST (CORS preflights),
 * streams a ticker and a checksum-verified managed book, authenticates the socket (WebCrypto
 * HMAC), places and cancels an order, and survives a dropped socket with its subscriptions back.
 *
 * Skips, loudly, only when no Chromium exists (`.ci/run` installs Debian's); under CI it fails instead.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleDashboard, dashboardUrl, DEMO_ACCOUNT, serveDashboard, type DashboardServer } from '../../examples/browser/serve.js';
import type { DashboardState } from '../../examples/browser/state.js';
import { createBfxSimulator, type BfxSimulator } from '../../src/simulator/index.js';
import { findChromium } from './chromium.js';

const executablePath = findChromium();
if (!executablePath) {
  console.error('\n*** test/browser SKIPPED: no Chromium found (apt-get install -y chromium, or set CHROMIUM_PATH) ***\n');
}

/** What the page exposes as `window.dashboard` (see examples/browser/main.ts). */
interface PageDashboard {
  readonly state: DashboardState;
  placeAndCancel(amount?: number, price?: number): Promise<{ submitted: string; cancelled: string; id: number }>;
  close(): Promise<void>;
}
/** The page's global object, as seen from `page.evaluate` callbacks (they run in the page, so only casts). */
interface PageGlobal {
  readonly dashboard?: PageDashboard;
  readonly location: { readonly origin: string };
  readonly crypto: { readonly subtle?: unknown };
  readonly process?: unknown;
}

let sim: BfxSimulator;
let server: DashboardServer;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

const state = (): Promise<DashboardState> => page.evaluate(() => JSON.parse(JSON.stringify((globalThis as unknown as PageGlobal).dashboard!.state)) as DashboardState);

/** Poll the page's state until `ok` holds (bounded). */
async function until(what: string, ok: (s: DashboardState) => boolean, timeoutMs = 15_000): Promise<DashboardState> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const s = await state();
    if (ok(s)) return s;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; state: ${JSON.stringify({ ...s, log: s.log.slice(-15) })}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

// In CI (.ci/run installs chromium) a missing browser is a failure, not a skip.
it.runIf(!executablePath && process.env.CI !== undefined && process.env.CI !== '')('finds Chromium in CI', () => {
  expect.fail('CI is set but no Chromium was found: .ci/run should have installed Debian\'s chromium');
});

describe.skipIf(!executablePath)('in headless Chromium', () => {
  beforeAll(async () => {
    const [bundle, simulator] = await Promise.all([bundleDashboard(), createBfxSimulator({ accounts: [DEMO_ACCOUNT], market: { updatesPerSecond: 20 } })]);
    sim = simulator;
    expect(bundle).not.toMatch(/require\(["']node:|from ["']node:/);
    expect(bundle, 'the browser field swaps pino for the console logger').not.toMatch(/pino/);
    server = await serveDashboard(bundle);
    browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
    page = await browser.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
    page.on('console', (msg) => {
      if (msg.type() === 'error') pageErrors.push(msg.text());
    });
    await page.goto(dashboardUrl(server, sim, { fast: '1' }));
  }, 60_000);

  afterAll(async () => {
    await page?.evaluate(() => (globalThis as unknown as PageGlobal).dashboard?.close()).catch(() => undefined);
    await browser?.close();
    await server?.close();
    await sim?.close();
  });

  it('runs on the browser platform: page origin differs from the API, no Node globals', async () => {
    const env = await page.evaluate(() => ({ origin: (globalThis as unknown as PageGlobal).location.origin, hasProcess: typeof (globalThis as unknown as PageGlobal).process, subtle: typeof (globalThis as unknown as PageGlobal).crypto.subtle }));
    expect(env.origin).not.toBe(new URL(sim.restUrl).origin);
    expect(env.hasProcess).toBe('undefined');
    expect(env.subtle).toBe('object');
  });

  it('calls public and authenticated REST across origins', async () => {
    const s = await until('platform status and wallets', (x) => x.platform !== undefined && x.wallets.length > 0);
    expect(s.platform).toBe('operative');
    expect(s.wallets.some((w) => w.currency === 'USD')).toBe(true);
  });

  it('streams a ticker and a managed book verified by checksums', async () => {
    const s = await until('ticker updates and checksums', (x) => x.tickerUpdates >= 1 && x.checksums >= 2 && x.bestBid !== undefined);
    expect(s.lastPrice).toBeGreaterThan(0);
    expect(s.bestBid!).toBeLessThan(s.bestAsk!);
    expect(s.checksumMismatches).toBe(0);
  });

  it('authenticates the socket, then submits and cancels an order', async () => {
    await until('authenticated', (x) => x.authenticated);
    const result = await page.evaluate(() => (globalThis as unknown as PageGlobal).dashboard!.placeAndCancel(0.001, 1_000));
    expect(result).toMatchObject({ submitted: 'SUCCESS', cancelled: 'SUCCESS' });
    const s = await until('order events', (x) => x.orders.some((o) => o.id === result.id && /CANCELED/.test(o.status)));
    expect(s.userId).toBeGreaterThan(0);
  });

  it('survives a dropped socket: reconnects, re-authenticates and restores its subscriptions', async () => {
    const before = await state();
    sim.faults.dropAll();
    const s = await until('reconnection', (x) => x.reconnections >= 1 && x.subscribed.length >= before.subscribed.length + 2, 20_000);
    expect(s.disconnections).toBeGreaterThanOrEqual(1);
    const ticks = s.tickerUpdates;
    const checks = s.checksums;
    const after = await until('data after the reconnect', (x) => x.tickerUpdates > ticks && x.checksums > checks);
    expect(after.checksumMismatches).toBe(0);
    const result = await page.evaluate(() => (globalThis as unknown as PageGlobal).dashboard!.placeAndCancel(0.002, 1_100));
    expect(result).toMatchObject({ submitted: 'SUCCESS', cancelled: 'SUCCESS' });
  });

  it('logged no error on the page', async () => {
    const s = await state();
    expect(s.errors).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
