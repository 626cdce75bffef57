/**
 * Session recording as a socket-factory decorator: every raw frame a socket receives is written,
 * with its receive time, connection number and subscription, as one JSON line to a sink.
 * Platform-neutral (no Node built-ins): the file sink lives in `bfx-actors/simulator`.
 *
 * ```ts
 * const sink = createFileRecordSink('session.jsonl');
 * const bfx = createBfxSystem({ socketFactory: recordingSocketFactory(nodeSocketFactory, sink) });
 * ```
 *
 * Line format (one object per line, `d` always last and verbatim, so a reader can slice it out
 * without re-encoding the frame):
 * - `{"t":MS,"c":CONN,"k":"open","u":URL}` when a socket opens;
 * - `{"t":MS,"c":CONN,"s":SUB,"d":FRAME}` per received frame; `s` names the subscription of a
 *   channel frame (`ticker:tBTCUSD`, `book:tBTCUSD:P0:F0:25`, `candles:trade:1m:tBTCUSD`,
 *   `account` for channel 0) and is absent on event frames (`info`, `subscribed`, `conf`, …);
 * - `{"t":MS,"c":CONN,"k":"close","code":CODE,"reason":TEXT}` when it closes.
 *
 * @module
 */
import type { SocketFactory } from '../platform/websocket.js';

/** Where recorded lines go (each `write` is one line, newline included). */
export interface RecordSink {
  /** Append one line. Must not throw; buffer as needed. */
  write(line: string): void;
}

/** Options of {@link recordingSocketFactory}. */
export interface RecordingOptions {
  /** Receive-time clock in ms (default `Date.now`). */
  readonly clock?: () => number;
}

/** The subscription key of a `subscribed` event: `channel:key|symbol[:prec:freq:len]`. */
export function recordedSubscriptionKey(ack: Readonly<Record<string, unknown>>): string {
  const head = `${String(ack.channel)}:${String(ack.key ?? ack.symbol)}`;
  return ack.channel === 'book' ? `${head}:${String(ack.prec)}:${String(ack.freq)}:${String(ack.len)}` : head;
}

/** The chanId of a channel frame (`[123,…`), or undefined for anything else. Does not parse the frame. */
function chanIdOf(data: string): number | undefined {
  if (data.charCodeAt(0) !== 91) return undefined;
  let id = 0;
  let i = 1;
  for (; i < data.length; i++) {
    const c = data.charCodeAt(i);
    if (c < 48 || c > 57) break;
    id = id * 10 + (c - 48);
  }
  return i > 1 && data.charCodeAt(i) === 44 ? id : undefined;
}

let connections = 0;

/**
 * Wrap `inner` so that every socket it opens records its received frames to `sink`. The
 * frames themselves are passed on unchanged and first, before recording, so a recording error can
 * never alter what the client sees.
 */
export function recordingSocketFactory(inner: SocketFactory, sink: RecordSink, options: RecordingOptions = {}): SocketFactory {
  const clock = options.clock ?? Date.now;
  return (url, handlers) => {
    const conn = ++connections;
    const subs = new Map<number, string>();
    // The line head changes once a millisecond at most: build it then, not per frame. The clock is
    // read once per event-loop turn (frames of one network read share their receive time), which
    // keeps `Date.now()` off the per-frame path, as the frame router does.
    let lastT = Number.NaN;
    let lastHead = '';
    let stamped = false;
    const unstamp = (): void => {
      stamped = false;
    };
    const head = (): string => {
      if (stamped) return lastHead;
      stamped = true;
      queueMicrotask(unstamp);
      const t = clock();
      if (t !== lastT) {
        lastT = t;
        lastHead = `{"t":${t},"c":${conn}`;
      }
      return lastHead;
    };
    const event = (data: string): void => {
      let msg: unknown;
      try {
        msg = JSON.parse(data);
      } catch {
        return;
      }
      if (msg === null || typeof msg !== 'object' || Array.isArray(msg)) return;
      const e = msg as Record<string, unknown>;
      if (e.event === 'subscribed' && typeof e.chanId === 'number') subs.set(e.chanId, JSON.stringify(recordedSubscriptionKey(e)));
      else if (e.event === 'unsubscribed' && typeof e.chanId === 'number') subs.delete(e.chanId);
    };
    return inner(url, {
      onOpen() {
        handlers.onOpen();
        sink.write(`${head()},"k":"open","u":${JSON.stringify(url)}}\n`);
      },
      onMessage(raw) {
        handlers.onMessage(raw);
        // A raw newline can only be whitespace between JSON tokens: keep one frame per line.
        const data = raw.includes('\n') ? raw.replace(/[\r\n]/g, ' ') : raw;
        const chanId = chanIdOf(data);
        if (chanId === undefined) {
          event(data);
          sink.write(`${head()},"d":${data}}\n`);
          return;
        }
        const sub = chanId === 0 ? '"account"' : subs.get(chanId);
        sink.write(sub === undefined ? `${head()},"d":${data}}\n` : `${head()},"s":${sub},"d":${data}}\n`);
      },
      onClose(code, reason) {
        handlers.onClose(code, reason);
        sink.write(`${head()},"k":"close","code":${code},"reason":${JSON.stringify(reason)}}\n`);
      },
    });
  };
}
