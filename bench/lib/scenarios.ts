/**
 * Scenario definitions shared by the orchestrator, the blaster and the clients.
 */
import { symbols } from './streams.ts';

export type ScenarioId = 'a' | 'b' | 'c' | 'c-cs' | 'd' | 'e' | 'f';

/** One subscription a client makes. */
export interface SubSpec {
  readonly channel: 'book' | 'trades' | 'ticker' | 'candles';
  readonly symbol?: string;
  readonly key?: string;
  readonly prec?: 'P0' | 'P1';
  readonly len?: '25';
}

export interface Scenario {
  readonly id: ScenarioId;
  readonly title: string;
  readonly connections: number;
  readonly subs: readonly SubSpec[];
  /** Updates the blaster sends in total (sentinels included). */
  readonly updates: number;
  /** `cs` frames in the stream (book scenarios). */
  readonly checksumFrames: boolean;
  /** The client keeps a book. */
  readonly manage: boolean;
}

/** Route key of a subscription (blaster side: from the subscribe request). */
export function subKey(s: { channel?: unknown; symbol?: unknown; key?: unknown; prec?: unknown }): string {
  const channel = String(s.channel);
  if (channel === 'candles') return `candles:${String(s.key)}`;
  if (channel === 'book') return `book:${String(s.symbol)}:${s.prec === undefined ? 'P0' : String(s.prec)}`;
  return `${channel}:${String(s.symbol)}`;
}

/** chanId of the i-th subscription of a scenario. */
export const chanIdOf = (i: number): number => 17_082 + i * 3;

export function scenario(id: ScenarioId, n: number): Scenario {
  switch (id) {
    case 'a':
      return { id, title: '(a) one book channel, updates only', connections: 1, subs: [{ channel: 'book', symbol: 'tBTCUSD', prec: 'P0', len: '25' }], updates: n, checksumFrames: false, manage: false };
    case 'b':
      return {
        id,
        title: '(b) 100 trades channels over 4 connections',
        connections: 4,
        subs: symbols(100).map((symbol) => ({ channel: 'trades', symbol })),
        updates: Math.floor(n / 100) * 100,
        checksumFrames: false,
        manage: false,
      };
    case 'c':
      return { id, title: '(c) one book channel, client keeps the book', connections: 1, subs: [{ channel: 'book', symbol: 'tBTCUSD', prec: 'P0', len: '25' }], updates: n, checksumFrames: false, manage: true };
    case 'c-cs':
      return {
        id,
        title: '(c+cs) one book channel, client keeps the book, `cs` frame every 50 updates (verified)',
        connections: 1,
        subs: [{ channel: 'book', symbol: 'tBTCUSD', prec: 'P0', len: '25' }],
        updates: n,
        checksumFrames: true,
        manage: true,
      };
    case 'd': {
      const subs: SubSpec[] = [];
      for (const symbol of symbols(500)) {
        subs.push({ channel: 'ticker', symbol }, { channel: 'trades', symbol }, { channel: 'book', symbol, prec: 'P0', len: '25' });
        subs.push({ channel: 'book', symbol, prec: 'P1', len: '25' }, { channel: 'candles', key: `trade:1m:${symbol}` });
      }
      return { id, title: '(d) 2,500 subscriptions over 100 connections', connections: 100, subs, updates: 0, checksumFrames: false, manage: true };
    }
    case 'e':
      return {
        id,
        title: '(e) 125 subscriptions over 5 connections: outage, then reconnect',
        connections: 5,
        subs: symbols(125).map((symbol) => ({ channel: 'trades', symbol })),
        updates: 0,
        checksumFrames: false,
        manage: false,
      };
    case 'f':
      return { id, title: '(f) latency at 20 k msg/s (one trades channel)', connections: 1, subs: [{ channel: 'trades', symbol: 'tBTCUSD' }], updates: Math.min(60_000, Math.max(5_000, Math.floor(n / 3))), checksumFrames: false, manage: false };
  }
}

/** Latency scenario rate. */
export const LATENCY_RATE = 20_000;

/** What the orchestrator hands a client (JSON in env BENCH_CLIENT). */
export interface ClientConfig {
  readonly client: string;
  readonly variant?: string;
  readonly scenario: Scenario;
  readonly url: string;
  readonly restUrl: string;
  /** REST scenario: calls. */
  readonly calls?: number;
}

/** What a client sends back. */
export interface ClientResult {
  readonly ok: boolean;
  readonly error?: string;
  /** Updates received between the first update and the last (throughput scenarios). */
  readonly updates?: number;
  readonly ms?: number;
  readonly cpuUs?: number;
  readonly maxRssMB: number;
  /** (d) time to all subscribed. */
  readonly subscribeMs?: number;
  /** (e) hrtime µs of each subscription's `subscribed` after the outage, by route key. */
  readonly live?: Record<string, number>;
  /** (f) latency percentiles in µs. */
  readonly p50Us?: number;
  readonly p99Us?: number;
  readonly maxUs?: number;
  readonly samples?: number;
  /** (g) total ms of the calls. */
  readonly restMs?: number;
  readonly note?: string;
}

export const nowUs = (): number => Number(process.hrtime.bigint() / 1000n);
