import { afterEach, describe, expect, it } from 'vitest';
import { createActor, createMachine, type InspectionEvent } from 'xstate';
import { sanitizeInspection } from '../../src/ws/inspect.js';
import { startHarness, waitFor, type Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const KEY = 'inspect-key-1234567890';
const SECRET = 'inspect-secret-abcdefghijklmnop';

describe('inspector', () => {
  it('sees the supervisor and connection actors and never the API key or secret', async () => {
    const events: InspectionEvent[] = [];
    h = await startHarness({ accounts: [{ apiKey: KEY, apiSecret: SECRET }] }, { apiKey: KEY, apiSecret: SECRET, connections: 2, eager: true, inspect: (e) => void events.push(e) });
    let authenticated = false;
    h.bfx.ws.on('authenticated', () => void (authenticated = true));
    await h.bfx.ws.subscribe('ticker', { symbol: 'tBTCUSD' });
    await waitFor(() => authenticated, 5_000, 'auth');
    const ref = (e: InspectionEvent) => e.actorRef as unknown as { id: string; systemId?: string };
    const ids = new Set(events.filter((e) => e.type === '@xstate.actor').map((e) => ref(e).id));
    const systemIds = new Set(events.map((e) => ref(e).systemId).filter(Boolean));
    expect(systemIds).toContain('bfx.supervisor');
    expect(systemIds).toContain('bfx.conn-0');
    expect(systemIds).toContain('bfx.conn-1');
    // The process's connection governor shows next to them (every handshake asked it for a token).
    expect(systemIds).toContain('bfx.governor');
    expect(ids.size).toBeGreaterThan(3);
    const snapshots = events.filter((e) => e.type === '@xstate.snapshot');
    expect(snapshots.some((e) => JSON.stringify((e.snapshot as { value?: unknown }).value) === JSON.stringify({ session: 'open' }))).toBe(true);
    const text = JSON.stringify(events.map((e) => ({ type: e.type, event: 'event' in e ? e.event : null, snapshot: 'snapshot' in e ? (e.snapshot as { context?: unknown; value?: unknown }).context : null })));
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(KEY);
  });

  it('sanitizeInspection masks secrets in strings and secret-named fields, and swallows inspector errors', () => {
    const seen: unknown[] = [];
    const wrap = sanitizeInspection((e) => void seen.push(e), ['s3cr3t']);
    wrap({ type: '@xstate.event', event: { type: 'x', apiKey: 'k', note: 'has s3cr3t inside' } } as unknown as InspectionEvent);
    expect(JSON.stringify(seen)).not.toContain('s3cr3t');
    expect(JSON.stringify(seen)).toContain('[redacted]');
    const throwing = sanitizeInspection(() => {
      throw new Error('inspector down');
    }, []);
    expect(() => throwing({ type: '@xstate.event', event: { type: 'x' } } as unknown as InspectionEvent)).not.toThrow();
  });

  it('shows an actor ref in a context or an event as a reference, not as the actor system walked to the depth limit', () => {
    const seen: InspectionEvent[] = [];
    const wrap = sanitizeInspection((e) => void seen.push(e), []);
    const socket = createActor(createMachine({ id: 'socket' }), { id: 'socket' }).start();
    wrap({ type: '@xstate.event', event: { type: 'CONNECTED', socket } } as unknown as InspectionEvent);
    wrap({ type: '@xstate.snapshot', event: { type: 'ACK' }, snapshot: { value: 'active', context: { chanId: 5, socket } } } as unknown as InspectionEvent);
    const [event, snapshot] = seen as unknown as [{ event: { socket: unknown } }, { snapshot: { context: { socket: unknown } } }];
    expect(event.event.socket).toEqual({ xstate$$type: 1, id: 'socket' });
    expect(snapshot.snapshot.context.socket).toEqual({ xstate$$type: 1, id: 'socket' });
    socket.stop();
  });
});
