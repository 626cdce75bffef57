/**
 * Packs the package as npm would publish it, installs the tarball next to the repo's
 * node_modules and imports it from ESM and from CommonJS.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const work = join(root, '.pack-test');
const installed = join(work, 'node_modules', 'bfx-actors');

const probe = `
const names = ['createBfxSystem', 'createRestClient', 'createBfxSimulator', 'models', 'connectionMachine',
  'supervisorMachine', 'subscriptionMachine', 'REST_HOST', 'PUB_REST_HOST', 'WSS_HOST', 'PUB_WSS_HOST', 'BfxApiError', 'CapacityError'];
const out = {};
for (const n of names) out[n] = typeof lib[n];
out.decoded = lib.models.TradingPairTrade.decode([1, 2, 0.5, 100]).price;
console.log(JSON.stringify(out));
`;

describe('packed package', () => {
  beforeAll(() => {
    rmSync(work, { recursive: true, force: true });
    mkdirSync(installed, { recursive: true });
    const dest = mkdtempSync(join(tmpdir(), 'bfx-pack-'));
    try {
      // Build first, then pack without lifecycle scripts so stdout holds only npm's JSON.
      execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
      const out = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dest], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      const file = (JSON.parse(out) as { filename: string }[])[0].filename;
      execFileSync('tar', ['-xzf', join(dest, file), '-C', installed, '--strip-components=1']);
    } finally {
      rmSync(dest, { recursive: true, force: true });
    }
    writeFileSync(join(work, 'esm.mjs'), `import * as lib from 'bfx-actors';\n${probe}`);
    writeFileSync(join(work, 'cjs.cjs'), `const lib = require('bfx-actors');\n${probe}`);
  }, 180_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const expectExports = (json: string): void => {
    const got = JSON.parse(json) as Record<string, string | number>;
    expect(got).toMatchObject({
      createBfxSystem: 'function', createRestClient: 'function', createBfxSimulator: 'function', models: 'object',
      connectionMachine: 'object', supervisorMachine: 'object', subscriptionMachine: 'object', REST_HOST: 'string',
      BfxApiError: 'function', CapacityError: 'function', decoded: 100,
    });
  };

  it('ships ESM, CommonJS and type declarations', () => {
    const files = readdirSync(join(installed, 'dist'));
    for (const f of ['index.js', 'index.cjs', 'index.d.ts', 'index.d.cts', 'simulator.js', 'simulator.cjs']) expect(files).toContain(f);
    expect(existsSync(join(installed, 'stately.config.json'))).toBe(true);
  });
  it('imports from ESM', () => {
    expectExports(execFileSync('node', ['esm.mjs'], { cwd: work, encoding: 'utf8' }));
  });
  it('requires from CommonJS', () => {
    expectExports(execFileSync('node', ['cjs.cjs'], { cwd: work, encoding: 'utf8' }));
  });
});
