/**
 * Every example (and the demo) runs as a user would run it — `tsx examples/<file>.ts` against its
 * own embedded simulator — exits 0 by itself and prints what it is about.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Example file → a line it must print. */
const examples: Record<string, RegExp> = {
  'rest-public.ts': /platform status: operative/,
  'rest-auth.ts': /exchange\s+BTC/,
  'ws-running.ts': /socket open/,
  'ws-subscribing.ts': /subscribed ticker tBTCUSD/,
  'ws-listening.ts': /ticker tBTCUSD/,
  'ws-custom-sub-id.ts': /refused: ERR_BFX_DUPLICATE_SUB_ID/,
  'ws-multiplexing.ts': /tBTCUSD ok/,
  'ws-closing.ts': /closed; connections/,
  'ws-reconnection.ts': /reconnected after \d+ attempt/,
  'ws-auth-orders.ts': /order_new/,
  'ws-auth-funding.ts': /funding credits/,
  'ws-auth-notify.ts': /echoed back: SUCCESS/,
  'ws-embedding.ts': /subscription ticker:tBTCUSD#0 \(btc\) is "active"/,
  'account.ts': /closed while offline: #\d+[\s\S]*in-flight order: SUCCESS/,
  'demo.ts': /tBTCUSD/,
};

function run(file: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', `examples/${file}`],
      { cwd: root, env: { ...process.env, DEMO_SECONDS: '2', NO_COLOR: '1' }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, out: stdout + stderr }),
    );
  });
}

describe('examples', () => {
  it.each(Object.entries(examples))('%s runs against the simulator and exits 0', async (file, expected) => {
    const { code, out } = await run(file);
    expect(out).toMatch(expected);
    expect(out).not.toMatch(/Unhandled|UnhandledPromiseRejection|uncaughtException/);
    expect(code).toBe(0);
  }, 90_000);
});

describe('examples users can copy', () => {
  const files = ['', 'browser/'].flatMap((dir) => readdirSync(join(root, 'examples', dir)).filter((f) => f.endsWith('.ts')).map((f) => `${dir}${f}`));
  it.each(files)('%s imports the package by name, never ../src', (file) => {
    const source = readFileSync(join(root, 'examples', file), 'utf8');
    const specifiers = [...source.matchAll(/^import\b[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]);
    expect(source).not.toMatch(/from ['"]\.\.\/|src\//);
    for (const s of specifiers) expect(s).toMatch(/^(bfx-actors(\/simulator)?|xstate|node:.+|esbuild|\.\/[\w-]+\.js)$/);
  });
});
