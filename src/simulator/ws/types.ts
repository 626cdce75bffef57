/**
 * Shared types of the WebSocket face: subscriptions and the context sessions run in.
 *
 * @module
 */
import type { BookView, MarketEngine, SimExchange } from '../contracts.js';
import type { ResolvedWsOptions } from './options.js';

/** Public channel names. */
export type ChannelName = 'ticker' | 'trades' | 'book' | 'candles' | 'status';

/** What a subscription is about, validated. */
export interface ChannelSpec {
  readonly channel: ChannelName;
  /** Identity for `subscribe: dup`. */
  readonly dupKey: string;
  /** The market symbol that drives the channel (undefined for `liq:global`). */
  readonly symbol: string | undefined;
  /** Candles/status key. */
  readonly key?: string;
  readonly prec?: 'P0' | 'P1' | 'P2' | 'P3' | 'P4' | 'R0';
  readonly freq?: 'F0' | 'F1';
  readonly len?: number;
}

/** One live public subscription of one socket. */
export interface Sub {
  readonly chanId: number;
  readonly spec: ChannelSpec;
  /** Book view (book channels). */
  readonly view?: BookView;
  /** Owner socket. */
  readonly session: SubOwner;
  /** Last time (ms) a book view was drained (for `F1`) or a status row was sent. */
  lastFlush: number;
  /** Served from a recorded session instead of the live market. */
  replayed?: boolean;
}

/** What fan-out needs from the socket owning a subscription. */
export interface SubOwner {
  /** Sends `[chanId, ...parts]` shaped by the socket's flags; false when nothing was sent (silenced/closed). */
  sendChannel(chanId: number, parts: readonly unknown[]): boolean;
  /** True when the socket should not receive anything now (silence fault). */
  isSilenced(): boolean;
  /** The socket's conf flags. */
  readonly flags: number;
}

/** Fault state shared by every socket of one face. */
export interface WsFaultState {
  /** Extra latency of every outgoing frame (ms). */
  delayMs: number;
  /** Upgrades are refused until this time (ms) with `refuseStatus`. */
  refuseUntil: number;
  refuseStatus: number;
  /** The next `count` auth attempts fail with `code`. */
  rejectAuth: { count: number; code: 10100 | 10114 };
  /** Maintenance mode (info `platform.status` 0). */
  maintenance: boolean;
  /** Cut the socket right after the next `count` inputs (of `type`, or any) were executed, before their notification leaves. */
  cutAfterInput?: { count: number; type: string | undefined };
}

/** What sessions need from the face. */
export interface WsContext {
  readonly market: MarketEngine;
  readonly exchange: SimExchange;
  readonly options: ResolvedWsOptions;
  readonly faults: WsFaultState;
  readonly serverId: string;
  /** Counters shared by every socket: frames sent since start. */
  readonly stats: { framesSent: number };
  addSub(sub: Sub): void;
  removeSub(sub: Sub): void;
}
