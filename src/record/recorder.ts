/**
 * Session recording as a socket-factory decorator: every raw frame a socket receives is written,
 * verbatim, to a sink, under a line that gives its receive time and connection. Platform-neutral
 * (no Node built-ins): the file sink lives in `bfx-actors/simulator`.
 *
 * ```ts
 * const sink = createFileRecordSink('session.jsonl');
 * const bfx = createBfxSystem({ socketFactory: recordingSocketFactory(nodeSocketFactory, sink) });
 * ```
 *
 * Format (JSONL, format 2): every line is one JSON value.
 * - `{"t":MS,"c":CONN}`: receive time and connection of the frame lines that follow it (written
 *   once per event-loop turn and whenever the connection changes);
 * - `{"t":MS,"c":CONN,"k":"open","u":URL,"v":2}` when a socket opens, and
 *   `{"t":MS,"c":CONN,"k":"close","code":CODE,"reason":TEXT}` when it closes (both set the context too);
 * - every other line is a received frame, byte for byte as the server sent it (`[17082,[…]]`,
 *   `{"event":"subscribed",…}`), one per line, in receive order.
 *
 * The subscription of a channel frame is the `subscribed` ack with its chanId on the same
 * connection (recorded like every other frame); the reader resolves it (`readRecording`), so
 * the recorder does no per-frame work beyond queueing the frame: the frames of one turn are
 * handed to the sink as one string. Format 1 lines (`{"t":…,"c":…,"s":…,"d":FRAME}`, one per
 * frame) are still read.
 *
 * @module
 */
import type { SocketFactory } from '../platform/websocket.js';

/** Where recorded lines go. */
export interface RecordSink {
  /** Append whole lines (one or more, each ending in a newline). Must not throw; buffer as needed. */
  write(lines: string): void;
}

/** Options of {@link recordingSocketFactory}. */
export interface RecordingOptions {
  /** Receive-time clock in ms (default `Date.now`), read once per event-loop turn. */
  readonly clock?: () => number;
}

/** The subscription key of a `subscribed` event: `channel:key|symbol[:prec:freq:len]`. */
export function recordedSubscriptionKey(ack: Readonly<Record<string, unknown>>): string {
  const head = `${String(ack.channel)}:${String(ack.key ?? ack.symbol)}`;
  return ack.channel === 'book' ? `${head}:${String(ack.prec)}:${String(ack.freq)}:${String(ack.len)}` : head;
}

/** The recording format written by {@link recordingSocketFactory}. */
export const RECORDING_FORMAT = 2;

/** Whether a frame could be taken for a context line (an object opening with `"t"`): written wrapped. */
const looksLikeContext = (raw: string): boolean => raw.charCodeAt(0) === 123 && raw.startsWith('{"t"');

let connections = 0;

/**
 * Wrap `inner` so that every socket it opens records its received frames to `sink`. The
 * frames themselves are passed on unchanged and first, before recording, so a recording error can
 * never alter what the client sees. All sockets of one factory share one queue, so the file
 * keeps their receive order; it goes to the sink once per event-loop turn (a microtask).
 */
export function recordingSocketFactory(inner: SocketFactory, sink: RecordSink, options: RecordingOptions = {}): SocketFactory {
  const clock = options.clock ?? Date.now;
  // Lines of the current turn, joined with '\n' (the last element is '' for the final newline).
  const lines: string[] = [];
  let t = Number.NaN;
  /** Connection of the last context line this turn; 0 = none yet (connections count from 1). */
  let current = 0;
  // The last `{"t","c"}` line: many turns fall within one millisecond on one connection.
  let headT = Number.NaN;
  let headConn = 0;
  let head = '';
  const flush = (): void => {
    current = 0;
    lines.push('');
    const text = lines.join('\n');
    lines.length = 0;
    try {
      sink.write(text);
    } catch {
      // A sink must not throw; one that does loses this turn's lines, never the client's frames.
    }
  };
  // A resolved promise's `then` is V8's own microtask; Node's `queueMicrotask` adds an AsyncResource per call.
  const resolved = Promise.resolve();
  /** Make `conn` the context of the next lines; `extra` turns the context line into an open/close line. */
  const context = (conn: number, extra?: string): void => {
    if (current === 0) {
      t = clock();
      void resolved.then(flush);
    }
    current = conn;
    if (extra !== undefined) lines.push(`{"t":${t},"c":${conn}${extra}}`);
    else {
      if (t !== headT || conn !== headConn) {
        headT = t;
        headConn = conn;
        head = `{"t":${t},"c":${conn}}`;
      }
      lines.push(head);
    }
  };
  return (url, handlers) => {
    const conn = ++connections;
    return inner(url, {
      onOpen() {
        handlers.onOpen();
        context(conn, `,"k":"open","u":${JSON.stringify(url)},"v":${RECORDING_FORMAT}`);
      },
      onMessage(raw) {
        handlers.onMessage(raw);
        if (current !== conn) context(conn);
        // A raw newline can only be whitespace between JSON tokens: keep one frame per line.
        const data = raw.includes('\n') ? raw.replace(/\n/g, ' ') : raw;
        if (looksLikeContext(data)) lines.push(`{"t":${t},"c":${conn},"d":${data}}`);
        else lines.push(data);
      },
      onClose(code, reason) {
        handlers.onClose(code, reason);
        context(conn, `,"k":"close","code":${code},"reason":${JSON.stringify(reason)}`);
      },
    });
  };
}
