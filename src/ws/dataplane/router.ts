/**
 * The per-socket frame router: the only code that runs for every WebSocket message.
 *
 * One `JSON.parse` per message. Objects are control frames and go to `events.control`. Arrays are
 * data frames `[CHAN_ID, ...payload, SEQ?, AUTH_SEQ?, TS?]`: the router finds where the payload
 * ends from its shape (`[chan, DATA]`, `[chan, "hb"]`, `[chan, TYPE, DATA]`), audits the SEQ_ALL
 * sequence number, trims the parsed array in place down to the payload (no copy) and hands it to
 * the sink bound to the chanId. Malformed input is reported through `events.problem`; the router
 * never throws. `lastFrameAt` is stamped once per event-loop turn (frames of one TCP read share
 * the first frame's time), which keeps `Date.now()` off the per-frame path under load.
 *
 * @module
 */
import { BfxProtocolError } from '../../errors.js';
import { ConfFlag, type ChannelSink, type DataPlaneEvents, type FrameRouter } from '../contracts.js';

/** Router counters (diagnostics). */
export interface FrameRouterStats {
  /** Messages handled. */
  readonly frames: number;
  /** Data frames dropped because no sink is bound to their chanId. */
  readonly dropped: number;
  /** Messages reported as malformed. */
  readonly malformed: number;
  /** The last SEQ_ALL sequence number seen (`-1` when none yet). */
  readonly lastSeq: number;
}

/** The router plus its counters. */
export type FrameRouterWithStats = FrameRouter & FrameRouterStats;

const EXCERPT_LENGTH = 120;

const excerpt = (data: string): string => (data.length > EXCERPT_LENGTH ? `${data.slice(0, EXCERPT_LENGTH)}…` : data);

/**
 * Where the payload of a data frame ends (exclusive index into the frame), or `-1` if the frame
 * has no recognisable shape. `[chan, DATA…]` → 2, `[chan, "hb", …]` → 2, `[chan, TYPE, DATA, …]` → 3.
 */
function payloadEnd(frame: unknown[]): number {
  const head = frame[1];
  if (typeof head === 'string') {
    if (head === 'hb') return 2;
    return frame.length >= 3 ? 3 : -1;
  }
  return Array.isArray(head) ? 2 : -1;
}

/**
 * Create the router of one socket.
 *
 * @param events callbacks into the control plane (control frames, resync requests, sequence gaps,
 *   problems). A callback that throws is caught and reported as a problem.
 */
export function createFrameRouter(events: DataPlaneEvents): FrameRouterWithStats {
  const sinks = new Map<number, ChannelSink>();
  let seqAll = false;
  let timestamp = false;
  let lastSeq = -1;
  // `Date.now()` can cost as much as routing a frame, so it is read once per event-loop turn:
  // frames handled in the same turn (one TCP read) share the first one's time.
  let lastFrameAt = 0;
  let stamped = false;
  const unstamp = (): void => {
    stamped = false;
  };
  let frames = 0;
  let dropped = 0;
  let malformed = 0;

  const problem = (message: string, data: string, cause?: unknown): void => {
    malformed++;
    try {
      events.problem(new BfxProtocolError(message, { excerpt: excerpt(data), cause }));
    } catch {
      // The control plane's problem handler failed; there is nobody left to tell.
    }
  };

  /** Audit the socket sequence number `seq`; the first one seen sets the baseline. */
  const audit = (seq: number): void => {
    const expected = lastSeq + 1;
    lastSeq = seq;
    if (expected === 0 || seq === expected) return;
    events.sequenceGap(expected, seq);
  };

  /**
   * The public sequence number of a frame whose payload ends at `end`, or `undefined` when the
   * frame carries none. Channel 0 frames carry `PUB_SEQ, AUTH_SEQ` (heartbeats only `PUB_SEQ`;
   * some notifications only `AUTH_SEQ`).
   */
  const sequenceOf = (frame: unknown[], end: number, chanId: number): number | undefined => {
    const trailing = frame.length - end;
    let expected = timestamp ? 2 : 1;
    if (chanId === 0 && end === 3) expected++;
    if (trailing < expected) {
      // A channel-0 frame one number short lacks its PUB_SEQ (`*-req` notifications); a heartbeat
      // may lack its timestamp. Anything else is missing its sequence number.
      if (chanId === 0 && end === 3 && trailing === expected - 1) return undefined;
      if (end === 2 && frame[1] === 'hb' && timestamp && trailing === 1) return frame[end] as number;
      return NaN;
    }
    return frame[end] as number;
  };

  const handleArray = (frame: unknown[], data: string): void => {
    const chanId = frame[0];
    if (typeof chanId !== 'number') return problem('Data frame without a numeric channel id', data);
    const end = payloadEnd(frame);
    if (end < 0) return problem('Data frame with an unknown shape', data);
    if (seqAll) {
      const seq = sequenceOf(frame, end, chanId);
      if (seq !== undefined) {
        if (typeof seq === 'number' && Number.isInteger(seq)) audit(seq);
        else problem('Data frame without its SEQ_ALL sequence number', data);
      }
    }
    const sink = sinks.get(chanId);
    if (sink === undefined) {
      if (events.unbound?.(chanId, frame) !== true) dropped++;
      return;
    }
    // Trim in place: drop the trailing numbers, then the chanId. The parsed array is ours alone.
    if (frame.length !== end) frame.length = end;
    frame.shift();
    try {
      sink.frame(frame);
    } catch (error) {
      problem(`Channel ${chanId} could not handle a frame: ${error instanceof Error ? error.message : String(error)}`, data, error);
    }
  };

  return {
    handle(data: string): void {
      frames++;
      if (!stamped) {
        stamped = true;
        lastFrameAt = Date.now();
        queueMicrotask(unstamp);
      }
      let msg: unknown;
      try {
        msg = JSON.parse(data);
      } catch (error) {
        return problem('Malformed JSON frame', data, error);
      }
      try {
        if (Array.isArray(msg)) handleArray(msg, data);
        else if (msg !== null && typeof msg === 'object') events.control(msg as Record<string, unknown>);
        else problem('Frame is neither an array nor an object', data);
      } catch (error) {
        problem(`Frame handling failed: ${error instanceof Error ? error.message : String(error)}`, data, error);
      }
    },
    deliver(chanId: number, frame: unknown[]): void {
      // The rare path (a frame kept by `unbound`), apart from the per-frame one above on purpose.
      const sink = sinks.get(chanId);
      if (sink === undefined) {
        dropped++;
        return;
      }
      const end = payloadEnd(frame);
      if (frame.length !== end) frame.length = end;
      frame.shift();
      try {
        sink.frame(frame);
      } catch (error) {
        problem(`Channel ${chanId} could not handle a frame: ${error instanceof Error ? error.message : String(error)}`, JSON.stringify([chanId, ...frame]), error);
      }
    },
    bind(chanId: number, sink: ChannelSink): void {
      sinks.set(chanId, sink);
    },
    unbind(chanId: number): void {
      sinks.delete(chanId);
    },
    reset(): void {
      sinks.clear();
      lastSeq = -1;
    },
    setFlags(flags: number): void {
      const nextSeqAll = (flags & ConfFlag.SEQ_ALL) !== 0;
      if (nextSeqAll !== seqAll) lastSeq = -1;
      seqAll = nextSeqAll;
      timestamp = (flags & ConfFlag.TIMESTAMP) !== 0;
    },
    get lastFrameAt() {
      return lastFrameAt;
    },
    get frames() {
      return frames;
    },
    get dropped() {
      return dropped;
    },
    get malformed() {
      return malformed;
    },
    get lastSeq() {
      return lastSeq;
    },
  };
}
