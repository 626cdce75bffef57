/**
 * Connection-rate limits: on by default, Bitfinex's 20 a minute on the public URL and 5 per 15 s
 * on the authenticated URL, per IP, the excess upgrade answered with HTTP 429; `false` turns them off.
 */
import { describe, expect, it } from 'vitest';
import { createBfxSimulator, type BfxSimulator } from '../../src/simulator/index.js';
import { TestClient } from './ws-client.js';

async function openMany(url: string, n: number): Promise<TestClient[]> {
  const out: TestClient[] = [];
  for (let i = 0; i < n; i++) out.push(await TestClient.connect(url));
  return out;
}

async function withSim(options: Parameters<typeof createBfxSimulator>[0], body: (sim: BfxSimulator, open: TestClient[]) => Promise<void>): Promise<void> {
  const sim = await createBfxSimulator({ market: { updatesPerSecond: 0 }, ...options });
  const open: TestClient[] = [];
  try {
    await body(sim, open);
  } finally {
    await Promise.all(open.map((c) => c.close()));
    await sim.close();
  }
}

describe('connection-rate limits', () => {
  it('connectionLimits: false turns them off: 25 quick connections on each URL all open', async () => {
    await withSim({ ws: { connectionLimits: false } }, async (sim, open) => {
      open.push(...(await openMany(sim.wsUrl, 25)), ...(await openMany(sim.authWsUrl, 25)));
      expect(open).toHaveLength(50);
    });
  });

  it('by default enforces 20 a minute on the public URL and 5 per 15 s on the auth URL, independently', async () => {
    await withSim({}, async (sim, open) => {
      open.push(...(await openMany(sim.wsUrl, 20)));
      await expect(TestClient.connect(sim.wsUrl)).rejects.toThrow(/429/);
      open.push(...(await openMany(sim.authWsUrl, 5)));
      await expect(TestClient.connect(sim.authWsUrl)).rejects.toThrow(/429/);
    });
  });

  it('each limit is configurable and the window slides', async () => {
    await withSim({ ws: { connectionLimits: { public: false, auth: { count: 2, windowMs: 300 } } } }, async (sim, open) => {
      open.push(...(await openMany(sim.wsUrl, 22)));
      open.push(...(await openMany(sim.authWsUrl, 2)));
      await expect(TestClient.connect(sim.authWsUrl)).rejects.toThrow(/429/);
      await new Promise((r) => setTimeout(r, 350));
      open.push(await TestClient.connect(sim.authWsUrl));
    });
  });
});
