/**
 * Reading a recorded session (the JSONL written by `recordingSocketFactory`, plain or gzip):
 * each channel frame belongs to the subscription its chanId was acked for on its connection
 * (the `subscribed` frames are recorded like every other frame). Per subscription: its channel
 * frames in receive order with the connection's sequence numbers and timestamps stripped (a
 * replaying socket adds its own), heartbeats dropped. Account-channel frames are not replayed.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { recordedSubscriptionKey } from '../../record/recorder.js';
import { hasFlag, WS_FLAGS } from '../ws/flags.js';

/** One recorded channel frame. */
export interface RecordedFrame {
  /** Receive time (ms). */
  readonly t: number;
  /** Line number in the file: the total order of the recording. */
  readonly idx: number;
  /** The frame after its chanId, without SEQ/TIMESTAMP: `[snapshot]`, `[row]`, `["te", row]`, `["cs", n]`. */
  readonly parts: readonly unknown[];
}

/** One recorded subscription. */
export interface RecordedSub {
  /** `ticker:tBTCUSD`, `book:tBTCUSD:P0:F0:25`, … */
  readonly key: string;
  readonly conn: number;
  readonly frames: RecordedFrame[];
}

/** A parsed recording. */
export interface Recording {
  /** Recorded subscriptions by key, in the order they were made. */
  readonly subs: ReadonlyMap<string, readonly RecordedSub[]>;
  /** Number of channel frames available for replay. */
  readonly frames: number;
}

interface ConnState {
  flags: number;
  readonly chans: Map<number, RecordedSub>;
}

/** What a line is: a context line (time, connection; maybe an open/close or a wrapped frame) or a frame. */
type Line = { readonly meta: Readonly<Record<string, unknown>>; readonly frame?: unknown } | { readonly meta?: undefined; readonly frame: unknown };

function parseLine(line: string): Line | undefined {
  try {
    const value: unknown = JSON.parse(line);
    // Context lines open with `{"t"` (the recorder wraps a frame that would, as `{"t":…,"c":…,"d":FRAME}`).
    if (!line.startsWith('{"t"')) return { frame: value };
    const meta = value as Record<string, unknown>;
    return 'd' in meta ? { meta, frame: meta.d } : { meta };
  } catch {
    return undefined;
  }
}

/**
 * Parse recorded text (format 2: context lines `{"t","c"}` then raw frames; format 1: one
 * `{"t","c","s","d"}` line per frame). Malformed lines are skipped.
 */
export function parseRecording(text: string): Recording {
  const conns = new Map<number, ConnState>();
  const subs = new Map<string, RecordedSub[]>();
  let frames = 0;
  let t = 0;
  let conn = 0;
  let state: ConnState | undefined;
  const lines = text.split('\n');
  for (let idx = 0; idx < lines.length; idx++) {
    const line = lines[idx].trim();
    if (line.length === 0) continue;
    const parsed = parseLine(line);
    if (!parsed) continue;
    if (parsed.meta) {
      if (typeof parsed.meta.t === 'number') t = parsed.meta.t;
      if (typeof parsed.meta.c === 'number' && parsed.meta.c !== conn) {
        conn = parsed.meta.c;
        state = undefined;
      }
      // A socket opening under a number already seen (another session appended to the file).
      if (parsed.meta.k === 'open') {
        conns.delete(conn);
        state = undefined;
      }
      if (!('frame' in parsed)) continue;
    }
    if (!state) {
      state = conns.get(conn);
      if (!state) conns.set(conn, (state = { flags: 0, chans: new Map() }));
    }
    const data = parsed.frame;
    if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
      const e = data as Record<string, unknown>;
      if (e.event === 'conf' && e.status === 'OK' && typeof e.flags === 'number') state.flags = e.flags;
      if (e.event === 'subscribed' && typeof e.chanId === 'number') {
        const sub: RecordedSub = { key: recordedSubscriptionKey(e), conn, frames: [] };
        state.chans.set(e.chanId, sub);
        const list = subs.get(sub.key) ?? [];
        list.push(sub);
        subs.set(sub.key, list);
      }
      if (e.event === 'unsubscribed' && typeof e.chanId === 'number') state.chans.delete(e.chanId);
      continue;
    }
    if (!Array.isArray(data) || typeof data[0] !== 'number' || data[0] === 0) continue;
    const sub = state.chans.get(data[0]);
    if (!sub) continue;
    let end = data.length;
    if (hasFlag(state.flags, WS_FLAGS.TIMESTAMP)) end--;
    if (hasFlag(state.flags, WS_FLAGS.SEQ_ALL)) end--;
    const parts = data.slice(1, end);
    if (parts[0] === 'hb' || parts.length === 0) continue;
    sub.frames.push({ t, idx, parts });
    frames++;
  }
  return { subs, frames };
}

/** Read a recording file (gzip detected by its magic bytes). */
export function readRecording(path: string): Recording {
  const bytes = readFileSync(path);
  const text = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8');
  return parseRecording(text);
}
