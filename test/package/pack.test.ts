/**
 * The package as published: packed by npm, installed, imported from ESM and from CommonJS (the
 * main entry without the simulator, `bfx-actors/simulator` with it), one nonce registry when both
 * builds load, browser bundles within their size limits, and publint and attw with nothing to say.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_SOURCES, browserBundleSize, packAndInstall, root, type Packed } from './packed.js';

/**
 * Gzipped size limits of a browser app's minified bundle, by what it imports: regression guards a
 * little above what the build measures today (REST 19.7 KB, system 64.9 KB: 3.6 KB of either is
 * ofetch with ufo and destr, 12.9 KB of the system xstate). Issue 12 asks for 15 and 50 KB
 * ({@link ISSUE_12_TARGETS}), met before ofetch, per-route pacing, the 13 later endpoints, the
 * account actor, order recovery and the connection governor landed (12.2 / 47.9 KB); the tests
 * log the distance to them. `npm run size` (scripts/size-report.ts) breaks both bundles down per
 * folder or file, with what cutting a part out would save gzipped (`--without NAME=REGEX`).
 *
 * What is left is features, not waste (measured by cutting them out of today's bundles):
 * - REST: ofetch + ufo + destr 3.6 KB, the merchant and extra endpoint tables 1.2 KB, pacing
 *   0.9 KB, the models 3.4 KB, the other tables 2.6 KB; the rest is the transport, validators,
 *   option checks, errors and nonce lanes.
 * - System: xstate 12.9 KB, everything REST ~18.5 KB, the account actor (inputs, recovery, view)
 *   8.2 KB, books 2.7 KB, the connection governor 1.5 KB.
 * Meeting the targets needs both a transport on plain `fetch` instead of ofetch (which issue 12
 * itself names; about -3.7 KB) and opt-in entries for whole features (an API change).
 */
// History: the account actor, order recovery and the connection governor (issue 11) took the
// system bundle from 59.2 to 65.7 KB; the size pass after it (the Node-only ws adapter out of
// browser bundles, one redaction, table-driven REST option checks, declared error fields, a
// droppable regex) to 64.4 KB, and REST from 20.0 to 19.7 KB; the account's whenSynced / account_synced
// added 0.5 KB (64.9 KB); subscriptions sending their own subscribe frame through the socket they
// are handed and per-connection SUBSCRIBE_BATCH (issue 9's (d)) 0.2 KB (65.1 KB). Until then the test bundled
// src/*.ts through the repository's tsconfig paths, not the installed package (packed.ts now gives
// the app an empty tsconfig).
const LIMITS = { restOnly: 20 * 1024, system: 66 * 1024 } as const;
/** The limits issue 12 set; the tests log the distance to them. */
const ISSUE_12_TARGETS = { restOnly: 15 * 1024, system: 50 * 1024 } as const;

const probe = `
const names = ['createBfxSystem', 'createRestClient', 'createBfxSimulator', 'models', 'connectionMachine',
  'supervisorMachine', 'subscriptionMachine', 'REST_HOST', 'PUB_REST_HOST', 'WSS_HOST', 'PUB_WSS_HOST', 'BfxApiError', 'CapacityError',
  'createFrameRouter', 'EventHub', 'bindEndpoints', 'validateSymbol', 'subscribeFrame'];
const out = {};
for (const n of names) out[n] = typeof lib[n];
out.simulator = typeof sim.createBfxSimulator;
out.decoded = lib.models.TradingPairTrade.decode([1, 2, 0.5, 100]).price;
console.log(JSON.stringify(out));
`;

let packed: Packed;

beforeAll(() => {
  packed = packAndInstall();
  writeFileSync(join(packed.work, 'esm.mjs'), `import * as lib from 'bfx-actors';\nimport * as sim from 'bfx-actors/simulator';\n${probe}`);
  writeFileSync(join(packed.work, 'cjs.cjs'), `const lib = require('bfx-actors');\nconst sim = require('bfx-actors/simulator');\n${probe}`);
  writeFileSync(
    join(packed.work, 'dual.mjs'),
    `import { createRequire } from 'node:module';
import * as esm from 'bfx-actors';
const cjs = createRequire(import.meta.url)('bfx-actors');
const key = 'dual-key';
let last = 0, backwards = 0;
for (let i = 0; i < 5000; i++) {
  const n = Number((i % 2 ? cjs : esm).nonceSourceFor(key)());
  if (n <= last) backwards++;
  last = n;
}
console.log(JSON.stringify({ same: esm.nonceSourceFor(key) === cjs.nonceSourceFor(key), twoBuilds: esm.createRestClient !== cjs.createRestClient, backwards }));
`,
  );
}, 240_000);
afterAll(() => packed?.cleanup());

const expectExports = (json: string): void => {
  const got = JSON.parse(json) as Record<string, string | number>;
  expect(got).toMatchObject({
    createBfxSystem: 'function', createRestClient: 'function', models: 'object', simulator: 'function',
    connectionMachine: 'object', supervisorMachine: 'object', subscriptionMachine: 'object', REST_HOST: 'string',
    BfxApiError: 'function', CapacityError: 'function', decoded: 100,
    // Node-only and internal parts are not on the main entry.
    createBfxSimulator: 'undefined', createFrameRouter: 'undefined', EventHub: 'undefined', bindEndpoints: 'undefined',
    validateSymbol: 'undefined', subscribeFrame: 'undefined',
  });
};

describe('packed package', () => {
  it('ships unbundled ESM, CommonJS bundles, type declarations, the node10 stub and the LICENSE', () => {
    const files = readdirSync(join(packed.installed, 'dist'));
    for (const f of ['index.cjs', 'index.d.cts', 'simulator.cjs', 'simulator.d.cts']) expect(files).toContain(f);
    for (const f of ['dist/esm/src/index.js', 'dist/esm/src/index.d.ts', 'dist/esm/src/simulator/index.js', 'dist/esm/machines/connection.machine.js', 'simulator/package.json', 'LICENSE', 'CHANGELOG.md', 'stately.config.json']) {
      expect(existsSync(join(packed.installed, f)), f).toBe(true);
    }
  });
  it('imports from ESM', () => {
    expectExports(execFileSync('node', ['esm.mjs'], { cwd: packed.work, encoding: 'utf8' }));
  });
  it('requires from CommonJS', () => {
    expectExports(execFileSync('node', ['cjs.cjs'], { cwd: packed.work, encoding: 'utf8' }));
  });
  it('keeps one nonce registry when both builds are loaded', () => {
    const got = JSON.parse(execFileSync('node', ['dual.mjs'], { cwd: packed.work, encoding: 'utf8' })) as Record<string, unknown>;
    expect(got).toEqual({ same: true, twoBuilds: true, backwards: 0 });
  });
});

describe('browser bundles of the installed package (esbuild, --platform=browser, no shims)', () => {
  it(`REST only stays within ${LIMITS.restOnly / 1024} KB gzipped`, async () => {
    const size = await browserBundleSize(packed.work, 'rest-only', APP_SOURCES.restOnly);
    console.log(`bundle size, createRestClient: ${size.bytes} B min, ${size.gzipBytes} B gz (issue 12 target ${ISSUE_12_TARGETS.restOnly} B, ${size.gzipBytes - ISSUE_12_TARGETS.restOnly} B over)`);
    expect(size.inputs.some((f) => /machines|xstate/.test(f))).toBe(false);
    expect(size.gzipBytes).toBeLessThanOrEqual(LIMITS.restOnly);
  });
  it(`createBfxSystem (xstate included) stays within ${LIMITS.system / 1024} KB gzipped, without pino or ws`, async () => {
    const size = await browserBundleSize(packed.work, 'system', APP_SOURCES.system);
    console.log(`bundle size, createBfxSystem + createRestClient: ${size.bytes} B min, ${size.gzipBytes} B gz (issue 12 target ${ISSUE_12_TARGETS.system} B, ${size.gzipBytes - ISSUE_12_TARGETS.system} B over)`);
    expect(size.inputs.some((f) => f.includes('node_modules/xstate/'))).toBe(true);
    expect(size.inputs.some((f) => /node_modules\/(pino|ws)\/(?!browser)/.test(f))).toBe(false);
    // The browser field swaps the Node.js-only ws adapter for its stub (ws is not bundled at all).
    expect(size.inputs.filter((f) => /platform\/ws-node\.js$|node_modules\/ws\//.test(f))).toEqual([]);
    expect(size.gzipBytes).toBeLessThanOrEqual(LIMITS.system);
  });
});

describe('package linters', () => {
  it('publint (strict) reports no error or warning', () => {
    const out = execFileSync(join(root, 'node_modules/.bin/publint'), ['--strict', '--pack', 'false', packed.installed], { cwd: root, encoding: 'utf8' });
    expect(out).not.toMatch(/Errors:|Warnings:/);
  });
  it('attw finds no problem in any resolution mode (node10, node16 CJS/ESM, bundler)', () => {
    const out = execFileSync(join(root, 'node_modules/.bin/attw'), [packed.tarball, '--format', 'json'], { cwd: root, encoding: 'utf8' });
    const report = JSON.parse(out) as { analysis: { problems: unknown[] } };
    expect(report.analysis.problems).toEqual([]);
  });
});
