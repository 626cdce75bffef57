/**
 * Lifecycle semantics of the system as a user sees them: disconnection / reconnection counts,
 * unsubscribe confirmed by the server (seen in the inspector too), aborting a live subscription,
 * a closed client, bad options refused at the door, readable actor ids.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { InspectionEvent } from 'xstate';
import { BfxArgumentError } from '../../src/errors.js';
import { createBfxSystem } from '../../src/system.js';
import { allLiveOnce, sleep, startHarness, waitFor, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('lifecycle', () => {
  it('disconnection: once per lost open socket (not per refused attempt), once after close(code, reason)', async () => {
    h = await startHarness({}, { connections: 1, backoff: { initialMs: 30, maxMs: 60, jitter: 0 } });
    await h.bfx.ws.subscribe('ticker', { symbol: 'tBTCUSD' });
    const closes: Array<[number, string]> = [];
    h.bfx.ws.on('disconnection', (code, reason) => void closes.push([code, reason]));
    let restored = 0;
    h.bfx.ws.on('connection_restored', () => void restored++);
    h.sim.faults.refuseConnections(200, 503);
    h.sim.faults.dropAll();
    await waitFor(() => restored === 1 && allLiveOnce(h!), 5_000, 'restored');
    expect(closes).toHaveLength(1);
    await h.bfx.close(4001, 'bye now');
    expect(closes).toEqual([closes[0], [4001, 'bye now']]);
  });

  it('reconnection: once per outage of the whole system, when the last lost socket is back; per socket on connection_restored', async () => {
    h = await startHarness({}, { connections: 3, eager: true });
    const subs = ['tBTCUSD', 'tETHUSD', 'tLTCUSD'].map((symbol) => h!.bfx.ws.subscribe('ticker', { symbol }));
    await Promise.all(subs);
    const outages: number[] = [];
    const restored: number[] = [];
    h.bfx.ws.on('reconnection', (attempts) => void outages.push(attempts));
    h.bfx.ws.on('connection_restored', (index) => void restored.push(index));
    h.sim.faults.dropAll();
    await waitFor(() => outages.length === 1 && allLiveOnce(h!), 5_000, 'restored');
    await sleep(100);
    expect(outages).toHaveLength(1);
    expect(restored.sort()).toEqual([0, 1, 2]);
  });

  it('unsubscribe resolves only on the server confirmation (delayReplies 300 ms); the actor passes through unsubscribing', async () => {
    const inspected: InspectionEvent[] = [];
    h = await startHarness({}, { connections: 1, inspect: (e) => void inspected.push(e) });
    const t = h.bfx.ws.subscribe('ticker', { symbol: 'tBTCUSD' }, { subId: 'slow' });
    await t;
    h.sim.faults.delayReplies(300);
    const t0 = Date.now();
    const p = t.unsubscribe();
    await sleep(50);
    expect(t.state).toBe('active');
    await p;
    expect(Date.now() - t0).toBeGreaterThanOrEqual(295);
    expect(t.state).toBe('unsubscribed');
    const phases = inspected
      .filter((e): e is Extract<InspectionEvent, { type: '@xstate.snapshot' }> => e.type === '@xstate.snapshot' && (e.actorRef as unknown as { id: string }).id.startsWith('ticker:tBTCUSD#'))
      .map((e) => JSON.stringify((e.snapshot as unknown as { value: unknown }).value));
    const from = phases.indexOf('"unsubscribing"');
    expect(from).toBeGreaterThan(0);
    expect(phases.slice(from)).toEqual(['"unsubscribing"', '"unsubscribed"']);
  });

  it('aborting a live subscription ends it unsubscribed (the server unsubscribed it)', async () => {
    h = await startHarness({}, { connections: 1 });
    const ac = new AbortController();
    const t = h.bfx.ws.subscribe('ticker', { symbol: 'tBTCUSD' }, { signal: ac.signal });
    await t;
    let unsubscribed = 0;
    t.on('unsubscribed', () => void unsubscribed++);
    ac.abort();
    await waitFor(() => t.state === 'unsubscribed', 2_000, 'unsubscribed');
    expect(unsubscribed).toBe(1);
    await waitFor(() => h!.sim.faults.connections().every((c) => c.channels.length === 0), 2_000, 'server unsubscribed');
  });

  it('a closed client stays closed: connect() rejects with ERR_BFX_CLOSED saying to create a new system', async () => {
    h = await startHarness({}, { connections: 1 });
    await h.bfx.close();
    await expect(h.bfx.ws.connect()).rejects.toMatchObject({ code: 'ERR_BFX_CLOSED', message: expect.stringContaining('create a new system') });
    await expect(h.bfx.ws.subscribe('ticker', { symbol: 'tBTCUSD' })).rejects.toMatchObject({ code: 'ERR_BFX_CLOSED' });
  });

  it('bad hosts and numbers are a BfxArgumentError from createBfxSystem itself', () => {
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ wssHost: '127.0.0.1:1/ws/2' }, 'wssHost'],
      [{ wssHost: 'http://127.0.0.1:1/ws/2' }, 'wssHost'],
      [{ restHost: 'rest.example/v2' }, 'restHost'],
      [{ connections: -1 }, 'connections'],
      [{ connections: Number.NaN }, 'connections'],
      [{ capacity: 0 }, 'capacity'],
      [{ heartbeatTimeoutMs: 0 }, 'heartbeatTimeoutMs'],
      [{ subscribeTimeoutMs: 0 }, 'subscribeTimeoutMs'],
      [{ backoff: { initialMs: Number.NaN } }, 'backoff.initialMs'],
      [{ backoff: { initialMs: 0, maxMs: 0 } }, 'backoff.initialMs'],
      [{ inputs: { timeoutMs: -1 } }, 'inputs.timeoutMs'],
      [{ inputs: { timeoutMs: Number.NaN } }, 'inputs.timeoutMs'],
    ];
    for (const [options, name] of bad) {
      let thrown: unknown;
      try {
        createBfxSystem({ logLevel: 'silent', autoConnect: false, ...options });
      } catch (error) {
        thrown = error;
      }
      expect(thrown, name).toBeInstanceOf(BfxArgumentError);
      expect((thrown as BfxArgumentError).argument).toBe(name);
      expect((thrown as Error).message).toContain(name);
    }
  });

  it('subscription actors carry readable ids', async () => {
    h = await startHarness({}, { connections: 1 });
    await h.bfx.ws.subscribe('book', { symbol: 'tETHUSD', prec: 'P1' });
    const conn = h.bfx.actor.getSnapshot().children['conn-0']!;
    const ids = Object.keys(conn.getSnapshot().children).filter((id) => id !== 'socket');
    expect(ids).toEqual([expect.stringMatching(/^book:tETHUSD:P1#\d+$/)]);
  });

  it('a single 10114 on re-auth (another signer on the key) recovers: reconnect, fresh nonce, authenticated', async () => {
    const KEY = 'life-key-0123456789';
    const SECRET = 'life-secret-9876543210';
    h = await startHarness({ accounts: [{ apiKey: KEY, apiSecret: SECRET }] }, { apiKey: KEY, apiSecret: SECRET, connections: 1 });
    let auths = 0;
    h.bfx.ws.on('authenticated', () => void auths++);
    await waitFor(() => auths === 1, 3_000, 'first auth');
    h.sim.faults.rejectAuth(1, 10114);
    h.sim.faults.dropAll();
    await waitFor(() => auths === 2, 5_000, 'auth again after a 10114');
    expect(h.bfx.ws.isAuthenticated).toBe(true);
    expect(h.errors.filter((e) => e.code === 'ERR_BFX_AUTH')).toEqual([]);
  });
});
