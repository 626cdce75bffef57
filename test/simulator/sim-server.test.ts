import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createBfxSimulator } from '../../src/simulator/index.js';
import { TestClient } from './ws-client.js';

describe('createBfxSimulator', () => {
  it('serves REST and WS on one loopback port', async () => {
    const sim = await createBfxSimulator({ seed: 3 });
    try {
      expect(sim.restUrl).toBe(`http://127.0.0.1:${sim.port}/v2`);
      expect(sim.wsUrl).toBe(`ws://127.0.0.1:${sim.port}/ws/2`);
      const res = await fetch(`${sim.restUrl}/platform/status`);
      expect(await res.json()).toEqual([1]);
      const c = await TestClient.connect(sim.wsUrl);
      await c.event('info');
      await c.close();
      await expect(TestClient.connect(sim.wsUrl.replace('/ws/2', '/ws/9'))).rejects.toThrow(/404/);
    } finally {
      await sim.close();
    }
  });

  it('close() ends open sockets, frees the port and is idempotent', async () => {
    const sim = await createBfxSimulator({ market: { updatesPerSecond: 20 } });
    const c = await TestClient.connect(sim.wsUrl);
    await c.subscribe({ channel: 'book', symbol: 'tBTCUSD' });
    await Promise.all([sim.close(), sim.close()]);
    for (let i = 0; i < 200 && !c.closed; i++) await TestClient.sleep(10);
    expect(c.closed).toBeDefined();
    const free = await new Promise<boolean>((resolve) => {
      const s = createServer();
      s.once('error', () => resolve(false));
      s.listen(sim.port, '127.0.0.1', () => s.close(() => resolve(true)));
    });
    expect(free).toBe(true);
  });

  it('the same seed gives the same market', async () => {
    const a = await createBfxSimulator({ seed: 11, market: { updatesPerSecond: 0, clock: () => 1_790_000_000_000 } });
    const b = await createBfxSimulator({ seed: 11, market: { updatesPerSecond: 0, clock: () => 1_790_000_000_000 } });
    try {
      expect(a.market.bookSnapshot('tBTCUSD', 'P0', 25)).toEqual(b.market.bookSnapshot('tBTCUSD', 'P0', 25));
    } finally {
      await a.close();
      await b.close();
    }
  });
});
