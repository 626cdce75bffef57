/**
 * The facade sends the subscribes of one tick to the supervisor as one `SUBSCRIBE_BATCH`, and
 * nothing that can observe the routing sees the difference (against the simulator).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { InspectionEvent } from 'xstate';
import { CapacityError } from '../../src/errors.js';
import { serverSubscriptions, startHarness, waitFor, type Harness } from '../ws/harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const SYMBOLS = ['tBTCUSD', 'tETHUSD', 'tLTCUSD', 'tXRPUSD', 'tSOLUSD', 'tEOSUSD'];

/** Types of the subscribe events the supervisor received. */
const supervisorSubscribes = (events: InspectionEvent[], supervisor: unknown): string[] =>
  events.flatMap((e) => (e.type === '@xstate.event' && e.actorRef === supervisor && e.event.type.startsWith('SUBSCRIBE') ? [e.event.type] : []));

describe('facade: subscribes batched per tick', () => {
  it('sends one SUBSCRIBE_BATCH for the subscribes of a tick; a later lone subscribe goes as SUBSCRIBE', async () => {
    const events: InspectionEvent[] = [];
    h = await startHarness({}, { connections: 2, eager: true, inspect: (e) => void events.push(e) });
    const handles = SYMBOLS.map((symbol) => h!.bfx.ws.subscribe('ticker', { symbol }));
    await Promise.all(handles);
    await h.bfx.ws.subscribe('trades', { symbol: 'tBTCUSD' });
    expect(supervisorSubscribes(events, h.bfx.actor)).toEqual(['SUBSCRIBE_BATCH', 'SUBSCRIBE']);
    await waitFor(() => serverSubscriptions(h!.sim).total === SYMBOLS.length + 1, 5_000, 'server count');
    expect(serverSubscriptions(h.sim).perSocket.sort()).toEqual([3, 4]);
  });

  it('routing is observable at once: connections in subscriptions(), capacity refusals in handle.state', async () => {
    h = await startHarness({}, { connections: 1, capacity: 4 });
    const ws = h.bfx.ws;
    const first = SYMBOLS.slice(0, 2).map((symbol) => ws.subscribe('ticker', { symbol }));
    expect(ws.subscriptions().map((s) => s.connection)).toEqual([0, 0]);
    await Promise.all(first);
    const more = SYMBOLS.slice(2).map((symbol) => ws.subscribe('ticker', { symbol }));
    expect(more.map((x) => x.state)).toEqual(['pending', 'pending', 'failed', 'failed']);
    await expect(more[3]).rejects.toBeInstanceOf(CapacityError);
    await Promise.all(more.slice(0, 2));
  });

  it('a subscribe unsubscribed in the same tick never reaches the server', async () => {
    h = await startHarness({}, { connections: 1 });
    const ws = h.bfx.ws;
    const kept = ws.subscribe('ticker', { symbol: 'tBTCUSD' });
    const dropped = ws.subscribe('ticker', { symbol: 'tETHUSD' });
    const unsubscribed = dropped.unsubscribe();
    expect(dropped.state).toBe('unsubscribed');
    await unsubscribed;
    await kept;
    await expect(dropped).rejects.toMatchObject({ code: 'ERR_BFX_SUBSCRIPTION' });
    await waitFor(() => serverSubscriptions(h!.sim).total === 1, 5_000, 'server count');
    expect(ws.subscriptions().map((s) => s.subscription.subId)).toEqual([kept.subId]);
    expect(h.errors).toEqual([]);
  });
});
