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
