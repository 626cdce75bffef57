/**
 * Ordered outgoing text for one socket, with optional injected latency (`delayReplies`). Frames
 * are never reordered: a delayed frame holds back every later one.
 *
 * @module
 */
import { WebSocket } from 'ws';

/** The sending queue of one socket. */
export class Outbox {
  private readonly queue: { at: number; text: string }[] = [];
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly ws: WebSocket,
    private readonly delayMs: () => number,
  ) {}

  /** Sends now, or after the injected delay (keeping order). */
  send(text: string): void {
    if (this.closed) return;
    const delay = this.delayMs();
    if (delay <= 0 && this.queue.length === 0) {
      this.write(text);
      return;
    }
    const last = this.queue.length > 0 ? this.queue[this.queue.length - 1].at : 0;
    this.queue.push({ at: Math.max(Date.now() + delay, last), text });
    this.schedule();
  }

  /** Drops pending frames and timers. */
  close(): void {
    this.closed = true;
    this.queue.length = 0;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    if (this.timer || this.queue.length === 0) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const now = Date.now();
      while (this.queue.length > 0 && this.queue[0].at <= now) {
        const item = this.queue.shift();
        if (item) this.write(item.text);
      }
      this.schedule();
    }, Math.max(0, this.queue[0].at - Date.now()));
  }

  private write(text: string): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(text);
  }
}
