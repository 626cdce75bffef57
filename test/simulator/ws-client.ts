/**
 * A tiny plain-`ws` test client for the simulator tests: records every frame (parsed) and waits
 * for frames matching a predicate, with a bounded timeout.
 */
import { createHmac } from 'node:crypto';
import WebSocket from 'ws';

/** A received frame: parsed JSON, or the raw text when it was not JSON. */
export type Frame = unknown;

/** An event frame (`{"event": ...}`). */
export type EventFrame = Record<string, unknown> & { event: string };

export const isEvent = (f: Frame, event?: string): f is EventFrame =>
  f !== null && typeof f === 'object' && !Array.isArray(f) && typeof (f as EventFrame).event === 'string' && (event === undefined || (f as EventFrame).event === event);

export const isChan = (f: Frame, chanId: number): f is unknown[] => Array.isArray(f) && f[0] === chanId;

/** A recorded test client. */
export class TestClient {
  readonly frames: Frame[] = [];
  readonly raw: string[] = [];
  closed: { code: number } | undefined;
  private waiters: (() => void)[] = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const text = data.toString();
      this.raw.push(text);
      let parsed: Frame = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // kept as raw text
      }
      this.frames.push(parsed);
      this.wake();
    });
    ws.on('close', (code) => {
      this.closed = { code };
      this.wake();
    });
  }

  /** Connects; rejects with the HTTP status of a refused upgrade (`Unexpected server response: 429`). */
  static connect(url: string): Promise<TestClient> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url);
      const client = new TestClient(ws);
      ws.once('open', () => resolve(client));
      ws.once('error', reject);
    });
  }

  send(msg: unknown): void {
    this.ws.send(typeof msg === 'string' ? msg : JSON.stringify(msg));
  }

  /** Waits for the first frame at index ≥ `from` matching `pred`. */
  async waitFor<T extends Frame = Frame>(pred: (f: Frame) => boolean, options: { from?: number; timeoutMs?: number } = {}): Promise<{ frame: T; index: number }> {
    const deadline = Date.now() + (options.timeoutMs ?? 5000);
    let i = options.from ?? 0;
    while (true) {
      for (; i < this.frames.length; i++) if (pred(this.frames[i])) return { frame: this.frames[i] as T, index: i };
      if (this.closed) throw new Error(`socket closed (${this.closed.code}) while waiting`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timeout waiting for frame; got ${JSON.stringify(this.frames.slice(-5)).slice(0, 500)}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(done, left);
        this.waiters.push(done);
        function done(): void {
          clearTimeout(t);
          resolve();
        }
      });
    }
  }

  /** Waits for an event frame (optionally matching extra fields). */
  async event(event: string, match: Record<string, unknown> = {}, from = 0): Promise<EventFrame> {
    const r = await this.waitFor<EventFrame>((f) => isEvent(f, event) && Object.entries(match).every(([k, v]) => f[k] === v), { from });
    return r.frame;
  }

  /** Subscribes and returns the ack (or error) and the index of that frame. */
  async subscribe(req: Record<string, unknown>): Promise<{ ack: EventFrame; index: number }> {
    const from = this.frames.length;
    this.send({ event: 'subscribe', ...req });
    const r = await this.waitFor<EventFrame>((f) => isEvent(f, 'subscribed') || isEvent(f, 'error'), { from });
    return { ack: r.frame, index: r.index };
  }

  /** Sleeps a bit (real sockets). */
  static sleep(ms: number): Promise<void> {
    return new Promise((r) => setTimeout(r, ms));
  }

  /** Closes and waits for the close. */
  async close(): Promise<void> {
    if (this.closed || this.ws.readyState === WebSocket.CLOSED) return;
    const done = new Promise<void>((r) => this.ws.once('close', () => r()));
    this.ws.terminate();
    await done;
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }
}

/** The `auth` event for a key/secret with a fresh nonce. */
export function authEvent(apiKey: string, apiSecret: string, extra: Record<string, unknown> = {}, nonce = Date.now() * 1000): Record<string, unknown> {
  const authPayload = `AUTH${nonce}`;
  const authSig = createHmac('sha384', apiSecret).update(authPayload).digest('hex');
  return { event: 'auth', apiKey, authSig, authNonce: nonce, authPayload, ...extra };
}

/** Object keys in order. */
export const keysOf = (o: unknown): string[] => Object.keys(o as object);
