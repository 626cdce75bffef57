import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createBfxSimulator } from '../../src/simulator/index.js';
import { applyFaultCommand } from '../../src/simulator/faults.js';
import { isEvent, TestClient } from './ws-client.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
let child: ChildProcessWithoutNullStreams | undefined;
let client: TestClient | undefined;
afterEach(async () => {
  await client?.close();
  client = undefined;
  if (child && child.exitCode === null) child.kill('SIGKILL');
  child = undefined;
});

function waitForOutput(p: ChildProcessWithoutNullStreams, re: RegExp, timeoutMs = 20_000): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no ${re} in: ${out}`)), timeoutMs);
    const onData = (d: Buffer): void => {
      out += d.toString();
      const m = re.exec(out);
      if (m) {
        clearTimeout(timer);
        p.stdout.off('data', onData);
        resolve(m);
      }
    };
    p.stdout.on('data', onData);
  });
}

describe('bfx-sim CLI', () => {
  it('prints the URLs, applies stdin fault commands, exits 0 on SIGINT', async () => {
    child = spawn(process.execPath, ['--import', 'tsx', 'src/simulator/cli.ts', '--port', '0', '--seed', '7', '--rate', '2'], { cwd: root });
    const [, wsUrl] = await waitForOutput(child, /WS\s+(ws:\/\/\S+)/);
    expect(wsUrl).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/ws\/2$/);
    client = await TestClient.connect(wsUrl);
    await client.event('info');
    const ack = waitForOutput(child, /info 20051 sent/);
    child.stdin.write('info 20051\n');
    await ack;
    expect(await client.event('info', { code: 20051 })).toMatchObject({ event: 'info', code: 20051 });
    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  });
});

/** Runs the CLI to its end; resolves with exit code, stdout and stderr. */
function runCli(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, ['--import', 'tsx', 'src/simulator/cli.ts', ...args], { cwd: root });
    let out = '';
    let err = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.once('exit', (code) => resolve({ code, out, err }));
  });
}

describe('bfx-sim CLI flags', () => {
  it('--help lists every flag with its default; --version prints the package version', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    for (const flag of ['host', 'port', 'seed', 'rate', 'volatility', 'heartbeat', 'max-subs', 'conn-limits', 'replay', 'speed', 'api-key', 'status', 'exit-on-eof', 'version']) {
      expect(help.out).toContain(`--${flag}`);
    }
    expect(help.out).toMatch(/--port N\s+.*\(default 0\)/);
    expect(help.out).toMatch(/--conn-limits on\|off\s+.*\(default on\)/);
    const v = await runCli(['--version']);
    expect(v).toMatchObject({ code: 0, out: '0.1.0\n' });
  });

  it('bad values are refused with one line and exit 1', async () => {
    for (const args of [['--port', 'abc'], ['--port', '70000'], ['--speed', '0'], ['--nope'], ['--conn-limits', 'maybe'], ['--api-key', 'k']]) {
      const r = await runCli(args);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/^bfx-sim: [^\n]+\n$/);
    }
    expect((await runCli(['--port', 'abc'])).err).toBe('bfx-sim: --port: expected an integer 0–65535, got "abc"\n');
  });

  it('--status on prints a one-line live status; scenario commands run from stdin', async () => {
    child = spawn(process.execPath, ['--import', 'tsx', 'src/simulator/cli.ts', '--status', 'on', '--rate', '20'], { cwd: root });
    const [, wsUrl] = await waitForOutput(child, /WS\s+(ws:\/\/\S+)/);
    client = await TestClient.connect(wsUrl);
    await client.subscribe({ channel: 'trades', symbol: 'tBTCUSD' });
    await waitForOutput(child, /\r\S+\[2K1 connections · 1 subscriptions · \d+ frames\/s/, 5000);
    const ack = waitForOutput(child, /scenario crash started/);
    child.stdin.write('crash tBTCUSD 5 10\n');
    await ack;
  });
});

describe('applyFaultCommand', () => {
  it('maps commands to faults and rejects unknown ones', async () => {
    const sim = await createBfxSimulator({ market: { updatesPerSecond: 0 } });
    const c = await TestClient.connect(sim.wsUrl);
    try {
      await c.event('info');
      expect(applyFaultCommand(sim.faults, 'nope')).toMatch(/^error: unknown command/);
      expect(applyFaultCommand(sim.faults, 'info 12')).toMatch(/^error/);
      expect(applyFaultCommand(sim.faults, 'help')).toContain('drop-hard');
      expect(JSON.parse(applyFaultCommand(sim.faults, 'conns'))).toHaveLength(1);
      applyFaultCommand(sim.faults, 'maint-start');
      await c.event('info', { code: 20060 });
      applyFaultCommand(sim.faults, 'maint-end');
      await c.event('info', { code: 20061 });
      applyFaultCommand(sim.faults, 'malformed');
      await c.waitFor((f) => typeof f === 'string');
      applyFaultCommand(sim.faults, 'drop');
      for (let i = 0; i < 200 && !c.closed; i++) await TestClient.sleep(10);
      expect(c.closed?.code).toBe(1001);
      expect(c.frames.some((f) => isEvent(f, 'error'))).toBe(false);
    } finally {
      await c.close();
      await sim.close();
    }
  });
});
