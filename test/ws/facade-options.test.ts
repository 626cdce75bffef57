/** `createBfxSystem` passes every REST option and the connection give-up on (issue 10.5). */
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBfxSimulator, type BfxSimulator } from '../../src/simulator/index.js';
import { createBfxSystem, type BfxSystem } from '../../src/system.js';
import { waitFor } from './harness.js';

let sim: BfxSimulator | undefined;
let bfx: BfxSystem | undefined;
afterEach(async () => {
  await bfx?.close();
  await sim?.close();
  bfx = sim = undefined;
});

describe('createBfxSystem passes its options on', () => {
  it('REST: fetch, timeoutMs and the logger (REST calls reach logFile)', async () => {
    sim = await createBfxSimulator({ ws: { connectionsPerMinute: false } });
    const file = join(tmpdir(), `bfx-facade-${process.pid}.log`);
    let fetches = 0;
    bfx = createBfxSystem({
      wssHost: sim.wsUrl,
      restHost: sim.restUrl,
      autoConnect: false,
      logLevel: 'debug',
      logFile: file,
      timeoutMs: 100,
      pacing: false,
      fetch: (input, init) => {
        fetches++;
        return fetch(input, init);
      },
    });
    await bfx.rest.public.getPlatformStatus();
    expect(fetches).toBe(1);
    sim.faults.rest.delay(400);
    await expect(bfx.rest.public.getPlatformStatus()).rejects.toMatchObject({ code: 'ERR_BFX_TIMEOUT' });
    sim.faults.rest.delay(0);
    await waitFor(() => readFileSync(file, 'utf8').includes('platform/status'), 3_000, 'REST line in the log file');
    rmSync(file, { force: true });
  });

  it('WebSocket: maxAttempts gives up and closes the connection with an error', async () => {
    bfx = createBfxSystem({ wssHost: 'ws://127.0.0.1:1/ws/2', logLevel: 'silent', connections: 1, maxAttempts: 2, backoff: { initialMs: 10, maxMs: 10 } });
    const errors: string[] = [];
    bfx.ws.on('error', (e) => void errors.push(e.message));
    await expect(bfx.ws.connect()).rejects.toMatchObject({ message: expect.stringContaining('Gave up after 2') });
    expect(bfx.ws.connections()).toEqual([{ index: 0, state: 'closed' }]);
    expect(errors.join()).toContain('Gave up');
  });
});
