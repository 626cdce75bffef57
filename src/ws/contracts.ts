/**
 * Contracts between the WebSocket control plane (machines/) and the data plane (src/ws/dataplane/):
 * channel parameters, the subscription record listeners receive, the frame router that runs once
 * per frame, and the sinks it calls. Only control frames (info, conf, subscribed, unsubscribed,
 * error, auth, pong) ever reach a machine; data frames go router → sink → listeners.
 *
 * @module
 */
import type { BfxError } from '../errors.js';

/** Public channels. */
export type Channel = 'ticker' | 'trades' | 'book' | 'candles' | 'status';

/** Book precision: aggregated P0–P4 or raw R0. */
export type Precision = 'P0' | 'P1' | 'P2' | 'P3' | 'P4' | 'R0';
/** Book frequency: F0 realtime, F1 every 2 s. */
export type Frequency = 'F0' | 'F1';
/** Book length (levels per side; orders for R0). */
export type BookLength = 1 | 25 | 100 | 250 | '1' | '25' | '100' | '250';

/** `ticker` params: a trading pair (`tBTCUSD`) or a funding currency (`fUSD`). */
export interface TickerParams { readonly symbol: string }
/** `trades` params. */
export interface TradesParams { readonly symbol: string }
/** `book` params. */
export interface BookParams {
  /** Trading pair (`tBTCUSD`) or funding currency (`fUSD`). */
  readonly symbol: string;
  /** Precision: `P0` (default) to `P4` aggregated, `R0` raw. */
  readonly prec?: Precision;
  /** Update frequency: `F0` realtime (default), `F1` every 2 s. */
  readonly freq?: Frequency;
  /** Number of price levels: 1, 25 (default), 100 or 250. */
  readonly len?: BookLength;
}
/** `candles` params: `trade:1m:tBTCUSD`, `trade:1m:fUSD:p30`, `trade:1m:fUSD:a30:p2:p30`. */
export interface CandlesParams { readonly key: string }
/** `status` params: `deriv:tBTCF0:USTF0` or `liq:global`. */
export interface StatusParams { readonly key: string }

/** Params per channel. */
export interface ChannelParams {
  /** Parameters of `ticker`. */
  ticker: TickerParams;
  /** Parameters of `trades`. */
  trades: TradesParams;
  /** Parameters of `book`. */
  book: BookParams;
  /** Parameters of `candles`. */
  candles: CandlesParams;
  /** Parameters of `status`. */
  status: StatusParams;
}

/**
 * The subscription as listeners see it (first listener argument of every channel event).
 * Plain data: safe to log, to put in machine context and to show in the inspector.
 */
export interface Subscription {
  /** Subscription id (yours or a generated one). */
  readonly subId: string;
  /** Channel name. */
  readonly channel: Channel;
  /** `ticker` / `trades` / `book`. */
  readonly symbol?: string;
  /** `candles` / `status`. */
  readonly key?: string;
  /** `book` only (filled with the defaults P0 / F0 / "25"). */
  readonly prec?: Precision;
  /** Book update frequency. */
  readonly freq?: Frequency;
  /** Book length. */
  readonly len?: '1' | '25' | '100' | '250';
}

/** Conf flags (sum them). */
export const ConfFlag = {
  /** Decimals as strings. */
  DEC_S: 8,
  /** Times as strings. */
  TIME_S: 32,
  /** A timestamp on every data frame. */
  TIMESTAMP: 32768,
  /** Sequence numbers on every frame. */
  SEQ_ALL: 65536,
  /** Book checksum frames (`cs`) after every update. */
  OB_CHECKSUM: 131072,
  /** Book updates arrive in bulk arrays. */
  BULK_UPDATES: 536870912,
} as const;

/**
 * What a channel's data frames are handed to. `payload` is the frame without the chanId and
 * without the trailing sequence number / timestamp, e.g. `[[p,c,a],...]`, `["te",[...]]`,
 * `["cs", -123]`, `["hb"]`.
 */
export interface ChannelSink {
  /** Handle one data frame of the channel. */
  frame(payload: unknown[]): void;
  /** Forget all channel state (the book) before a (re)subscribe's snapshot. */
  reset(): void;
}

/** Callbacks from the data plane to the control plane (rare events only). */
export interface DataPlaneEvents {
  /** A control frame (a JSON object): info, conf, subscribed, unsubscribed, error, auth, pong. */
  control(msg: Record<string, unknown>): void;
  /** A channel needs a fresh snapshot (checksum mismatch, or a snapshot where an update was expected). */
  resync(subId: string, reason: 'checksum' | 'snapshot'): void;
  /** The socket's SEQ_ALL sequence has a gap: every channel on it needs a fresh snapshot. */
  sequenceGap(expected: number, received: number): void;
  /** Something went wrong that the user must hear about (malformed frame, listener threw, ...). */
  problem(error: BfxError): void;
  /**
   * A data frame (audited, untrimmed) for a chanId no sink is bound to. Return `true` to keep it:
   * its channel's ack is still on its way to the machine, and the frame is handed back with
   * {@link FrameRouter.deliver} once the sink is bound. Otherwise it is dropped.
   */
  unbound?(chanId: number, frame: unknown[]): boolean;
}

/** The per-socket frame router: the only code that runs for every frame. */
export interface FrameRouter {
  /** Handle one incoming WebSocket message. Never throws. */
  handle(data: string): void;
  /** Hand a frame kept by `unbound` to the sink now bound to `chanId` (dropped if none). Never throws. */
  deliver(chanId: number, frame: unknown[]): void;
  /** Route `chanId` to `sink` (after `subscribed`). chanId 0 is the account channel. */
  bind(chanId: number, sink: ChannelSink): void;
  /** Stop routing `chanId` (after `unsubscribed`, or when the socket closes). */
  unbind(chanId: number): void;
  /** Forget every binding and the sequence counter (new socket). */
  reset(): void;
  /** Set the conf flags in force (decides how many trailing numbers each frame carries). */
  setFlags(flags: number): void;
  /** `Date.now()` of the last frame received (for the heartbeat watchdog). */
  readonly lastFrameAt: number;
}
