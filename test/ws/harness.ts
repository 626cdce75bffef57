/** Shared helpers of the simulator integration tests: a simulator, a system with small timings, bounded waits. */
import { createBfxSimulator, type BfxSimulator, type BfxSimulatorOptions } from '../../src/simulator/index.js';
import { createBfxSystem, type BfxSystem, type BfxSystemOptions } from '../../src/system.js';
import type { BfxError } from '../../src/errors.js';

export interface Harness {
  readonly sim: BfxSimulator;
  readonly bfx: BfxSystem;
  readonly errors: BfxError[];
  close(): Promise<void>;
}

let unhandled = 0;
process.on('unhandledRejection', () => {
  unhandled++;
});
/** Unhandled rejections seen by this worker so far. */
export const unhandledRejections = (): number => unhandled;

/**
 * Bitfinex's connection limits on a faster clock (the same counts per 1/60 of the time), enforced
 * by the simulator and respected by the client's connection budget in every harness test.
 */
export const FAST_LIMITS = {
  public: { count: 20, windowMs: 1_000 },
  auth: { count: 5, windowMs: 250 },
} as const;

/**
 * Start a simulator and a system on it (heartbeats 200 ms, watchdog 1 s, backoff 20–200 ms, both
 * sides on {@link FAST_LIMITS}, a 429 blocking for 500 ms).
 */
export async function startHarness(simOptions: BfxSimulatorOptions = {}, options: BfxSystemOptions = {}): Promise<Harness> {
  const sim = await createBfxSimulator({
    ...simOptions,
    ws: { heartbeatMs: 200, connectionLimits: FAST_LIMITS, ...simOptions.ws },
    market: { updatesPerSecond: 20, ...simOptions.market },
  });
  const bfx = createBfxSystem({
    wssHost: sim.wsUrl,
    restHost: sim.restUrl,
    logLevel: 'silent',
    backoff: { initialMs: 20, maxMs: 200, jitter: 0.2 },
    heartbeatTimeoutMs: 1_000,
    subscribeTimeoutMs: 10_000,
    connectionBudget: { ...FAST_LIMITS, blockMs: 500 },
    ...options,
  });
  const errors: BfxError[] = [];
  bfx.ws.on('error', (e) => void errors.push(e));
  return {
    sim,
    bfx,
    errors,
    async close() {
      await bfx.close();
      await sim.close();
    },
  };
}

/** Wait until `predicate()` is true, polling every 10 ms, failing after `timeoutMs`. */
export async function waitFor(predicate: () => boolean, timeoutMs = 5_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** The simulator's view: subscriptions per open socket, and the multiset of channel keys. */
export function serverSubscriptions(sim: BfxSimulator): { perSocket: number[]; total: number } {
  const perSocket = sim.faults.connections().map((c) => c.channels.length);
  return { perSocket, total: perSocket.reduce((a, b) => a + b, 0) };
}

/** Every client subscription is active and the server holds exactly as many channels as the client. */
export function allLiveOnce(h: Harness): boolean {
  const subs = h.bfx.ws.subscriptions();
  const server = serverSubscriptions(h.sim);
  return subs.length > 0 && subs.every((s) => s.state === 'active') && server.total === subs.length;
}

import { nodeSocketFactory, type SocketFactory } from '../../src/platform/websocket.js';

/** A socket factory that records, per socket, every frame the client sent. */
export function recordingFactory(): { factory: SocketFactory; sent: string[][] } {
  const sent: string[][] = [];
  const factory: SocketFactory = (url, handlers) => {
    const frames: string[] = [];
    sent.push(frames);
    const socket = nodeSocketFactory(url, handlers);
    return {
      send(data) {
        frames.push(data);
        return socket.send(data);
      },
      close: (code, reason) => socket.close(code, reason),
      terminate: () => socket.terminate(),
    };
  };
  return { factory, sent };
}
