import { afterEach, describe, expect, it } from 'vitest';
import { createActor, setup } from 'xstate';
import { createLogger } from '../../src/logging/logger.js';
import { createBfxSimulator, type BfxSimulator } from '../../src/simulator/index.js';
import { createWsClient, type WsClient } from '../../src/ws/client.js';

let sim: BfxSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

const tick = (ms = 10) => new Promise((r) => setTimeout(r, ms));

describe('embedding the supervisor in a host machine', () => {
  it('runs two systems side by side under one host actor (prefixed system ids, no clash)', async () => {
    sim = await createBfxSimulator({ ws: { heartbeatMs: 200 } });
    const logger = createLogger({ logLevel: 'silent' });
    const a: WsClient = createWsClient({ url: sim.wsUrl, logger, prefix: 'a.', connections: 1 });
    const b: WsClient = createWsClient({ url: sim.wsUrl, logger, prefix: 'b.', connections: 2, eager: true });
    const host = setup({ actors: { clientA: a.logic, clientB: b.logic } }).createMachine({
      id: 'host',
      invoke: [
        { id: 'a', src: 'clientA', systemId: 'a.supervisor', input: a.input },
        { id: 'b', src: 'clientB', systemId: 'b.supervisor', input: b.input },
      ],
    });
    const errors: unknown[] = [];
    const actor = createActor(host);
    actor.subscribe({ error: (e) => void errors.push(e) });
    actor.start();
    a.attach(actor.system.get('a.supervisor')!);
    b.attach(actor.system.get('b.supervisor')!);
    const [ta, tb] = [a.subscribe('ticker', { symbol: 'tBTCUSD' }), b.subscribe('ticker', { symbol: 'tETHUSD' })];
    await Promise.all([ta, tb]);
    expect(actor.system.get('a.conn-0')).toBeDefined();
    expect(actor.system.get('b.conn-1')).toBeDefined();
    expect(actor.system.get('a.conn-1')).toBeUndefined();
    expect(errors).toEqual([]);
    expect(sim.faults.connections()).toHaveLength(3);
    await Promise.all([a.close(), b.close()]);
    await tick(50);
    expect(sim.faults.connections()).toHaveLength(0);
    actor.stop();
  });
});
