/**
 * One WebSocket connection of the simulator: conf flags, the per-socket sequence counters, the
 * subscriptions and their chanIds, heartbeats, the idle-close policy and the per-socket faults.
 * Every array frame goes through {@link Session.sendChannel} / {@link Session.sendAccount},
 * which append `SEQ` / `AUTH_SEQ` / `MTS` exactly as protocol.md §1.4/§1.8 describe.
 *
 * @module
 */
import { randomInt } from 'node:crypto';
import type { WebSocket } from 'ws';
import type { BookView, SimAccount } from '../contracts.js';
import { flushBook } from './channels.js';
import { hasFlag, WS_FLAGS } from './flags.js';
import { Outbox } from './outbox.js';
import type { ChannelSpec, Sub, SubOwner, WsContext } from './types.js';

/** The account side of a socket, as the session sees it. */
export interface AccountLink {
  readonly account: SimAccount;
  /** Detach from the account; `socketClosed` triggers the dead-man switch. */
  close(socketClosed: boolean): void;
}

/** A snapshot of one connection (for tests and fault targeting). */
export interface SimConnectionInfo {
  /** Connection number (0 for the first socket ever accepted by this simulator). */
  readonly index: number;
  readonly ip: string;
  readonly flags: number;
  readonly authenticated: boolean;
  /** Number of public subscriptions. */
  readonly subscriptions: number;
  /** The public subscriptions (channel and symbol/key). */
  readonly channels: readonly { readonly chanId: number; readonly channel: string; readonly symbol?: string; readonly key?: string }[];
}

const MAX_CHAN_ID = 1_000_000;

/** One connection. */
export class Session implements SubOwner {
  /** conf flags in force. */
  flags = 0;
  /** Silenced (no frames at all, no heartbeats) until this time; Infinity = forever. */
  silencedUntil = 0;
  /** Pending extra sequence skips. */
  skipSeqPending = 0;
  /** Pending corrupted checksums. */
  corruptCsPending = 0;
  /** The authenticated account channel, once auth succeeded. */
  account: AccountLink | undefined;
  private seq = 0;
  private authSeq = 0;
  private readonly subs = new Map<number, Sub>();
  private readonly issued = new Set<number>();
  private readonly lastSent = new Map<number, number>();
  private lastClient = Date.now();
  private readonly outbox: Outbox;
  private readonly timer: NodeJS.Timeout;
  private disposed = false;

  constructor(
    readonly ws: WebSocket,
    readonly ctx: WsContext,
    readonly index: number,
    readonly ip: string,
  ) {
    this.outbox = new Outbox(ws, () => ctx.faults.delayMs);
    const { heartbeatMs, idleCloseMs } = ctx.options;
    const shortest = idleCloseMs === false ? heartbeatMs : Math.min(heartbeatMs, idleCloseMs);
    this.timer = setInterval(() => this.housekeeping(), Math.min(1000, Math.max(5, Math.floor(shortest / 5))));
  }

  /** True while the silence fault holds. */
  isSilenced(): boolean {
    return this.silencedUntil > Date.now();
  }

  /** Marks client traffic (for the idle-close policy). */
  touch(): void {
    this.lastClient = Date.now();
  }

  /** Sends an event object. */
  sendEvent(event: Readonly<Record<string, unknown>>): void {
    if (!this.isSilenced()) this.outbox.send(JSON.stringify(event));
  }

  /** Sends raw text (malformed-frame fault). */
  sendRaw(text: string): void {
    if (!this.isSilenced()) this.outbox.send(text);
  }

  /** Sends `[chanId, ...parts]` with the socket's flags applied. */
  sendChannel(chanId: number, parts: readonly unknown[]): boolean {
    if (this.disposed || this.isSilenced()) return false;
    const frame: unknown[] = [chanId, ...parts];
    if (parts[0] === 'cs' && this.corruptCsPending > 0 && typeof parts[1] === 'number') {
      this.corruptCsPending--;
      frame[2] = (parts[1] ^ 0x5a5a5a5a) | 0;
    }
    if (hasFlag(this.flags, WS_FLAGS.SEQ_ALL)) frame.push(this.nextSeq());
    this.finish(frame, chanId);
    return true;
  }

  /**
   * Sends `[0, TYPE, DATA]`; with SEQ_ALL `[0, TYPE, DATA, PUB_SEQ, AUTH_SEQ]` (protocol.md §1.8):
   * `n` repeats the last AUTH_SEQ, and `*-req` notifications carry only AUTH_SEQ (no public seq).
   */
  sendAccount(type: string, data: unknown): boolean {
    if (this.disposed || this.isSilenced()) return false;
    const frame: unknown[] = [0, type, data];
    if (hasFlag(this.flags, WS_FLAGS.SEQ_ALL)) {
      const request = type === 'n' && Array.isArray(data) && typeof data[1] === 'string' && data[1].endsWith('-req');
      if (!request) frame.push(this.nextSeq());
      if (type !== 'n') this.authSeq++;
      frame.push(this.authSeq);
    }
    this.finish(frame, 0);
    return true;
  }

  private nextSeq(): number {
    this.seq += 1;
    if (this.skipSeqPending > 0) {
      this.skipSeqPending--;
      this.seq += 1;
    }
    return this.seq;
  }

  private finish(frame: unknown[], chanId: number): void {
    if (hasFlag(this.flags, WS_FLAGS.TIMESTAMP)) frame.push(this.ctx.market.now());
    this.lastSent.set(chanId, Date.now());
    this.ctx.stats.framesSent++;
    this.outbox.send(JSON.stringify(frame));
  }

  /** A fresh chanId, unique for this socket's lifetime, never 0. */
  allocChanId(): number {
    for (let i = 0; i < 100; i++) {
      const id = randomInt(1, MAX_CHAN_ID);
      if (!this.issued.has(id)) {
        this.issued.add(id);
        return id;
      }
    }
    let id = MAX_CHAN_ID + this.issued.size;
    while (this.issued.has(id)) id++;
    this.issued.add(id);
    return id;
  }

  /** Was this chanId ever handed out on this socket? */
  wasIssued(chanId: number): boolean {
    return this.issued.has(chanId);
  }

  /** Active subscription by chanId. */
  sub(chanId: number): Sub | undefined {
    return this.subs.get(chanId);
  }

  /** The active subscription with this identity. */
  findDup(spec: ChannelSpec): Sub | undefined {
    for (const s of this.subs.values()) if (s.spec.dupKey === spec.dupKey) return s;
    return undefined;
  }

  /** Number of public subscriptions. */
  get subscriptionCount(): number {
    return this.subs.size;
  }

  /** Registers a subscription (heartbeat clock starts now). */
  addSub(chanId: number, spec: ChannelSpec, view: BookView | undefined): Sub {
    const sub: Sub = { chanId, spec, view, session: this, lastFlush: Date.now() };
    this.subs.set(chanId, sub);
    this.lastSent.set(chanId, Date.now());
    this.ctx.addSub(sub);
    return sub;
  }

  /** Removes a subscription and frees its book view. */
  removeSub(chanId: number): void {
    const sub = this.subs.get(chanId);
    if (!sub) return;
    this.subs.delete(chanId);
    this.lastSent.delete(chanId);
    sub.view?.close();
    this.ctx.removeSub(sub);
  }

  /** Starts the account channel's heartbeat clock. */
  accountStarted(link: AccountLink): void {
    this.account = link;
    this.lastSent.set(0, Date.now());
  }

  /** Connection snapshot. */
  info(): SimConnectionInfo {
    return {
      index: this.index,
      ip: this.ip,
      flags: this.flags,
      authenticated: this.account !== undefined,
      subscriptions: this.subs.size,
      channels: [...this.subs.values()].map((s) => ({ chanId: s.chanId, channel: s.spec.channel, symbol: s.spec.symbol, key: s.spec.key })),
    };
  }

  private housekeeping(): void {
    const now = Date.now();
    const idle = this.ctx.options.idleCloseMs;
    if (idle !== false && this.subs.size === 0 && !this.account && now - this.lastClient >= idle) {
      this.ws.terminate();
      return;
    }
    if (this.isSilenced()) return;
    const hb = this.ctx.options.heartbeatMs;
    for (const [chanId, sub] of this.subs) {
      if (sub.spec.freq === 'F1') flushBook(sub);
      if (now - (this.lastSent.get(chanId) ?? 0) >= hb) this.sendChannel(chanId, ['hb']);
    }
    if (this.account && now - (this.lastSent.get(0) ?? 0) >= hb) this.sendChannel(0, ['hb']);
  }

  /** Frees every timer, view and listener (the socket closed). */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    clearInterval(this.timer);
    this.outbox.close();
    for (const chanId of [...this.subs.keys()]) this.removeSub(chanId);
    const account = this.account;
    this.account = undefined;
    account?.close(true);
  }
}
