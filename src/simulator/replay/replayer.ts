/**
 * Serving a recorded public session: a subscription whose key was recorded is fed the
 * recorded frames of that channel (snapshot first) under the subscriber's own chanId, with the
 * subscriber's own sequence numbers and timestamps (its socket adds them) and the recorded
 * checksums, which stay valid because the book stream is replayed exactly.
 *
 * Timing: one replay clock for every socket, so a client spreading its subscriptions over
 * several connections sees them in step. It starts `settleMs` after the first replayed
 * subscription, at the earliest recorded frame of the subscriptions made by then, and runs
 * `speed` times faster than the recording. Due frames go out in the recording's order, so
 * subscriptions made within the settle window replay the recorded interleaving exactly, at
 * any speed; a later subscription gets its frames from its own snapshot on, at once. When the
 * last replayed subscription ends the clock resets: the next client gets the session from the
 * start.
 *
 * @module
 */
import { hasFlag, WS_FLAGS } from '../ws/flags.js';
import type { Sub } from '../ws/types.js';
import type { RecordedFrame, Recording } from './recording.js';

/** Replay options. */
export interface ReplayOptions {
  /** Playback speed (default 1 = as recorded; 10 = ten times faster). */
  readonly speed?: number;
  /** Wait this long (ms) after a socket's first subscription before its clock starts (default 50). */
  readonly settleMs?: number;
}

/** What the WebSocket face asks the replayer. */
export interface Replayer {
  /** Take over `sub` when its channel was recorded; false = serve it from the live market. */
  attach(sub: Sub): boolean;
  detach(sub: Sub): void;
  /** Recorded subscription keys. */
  keys(): readonly string[];
  close(): void;
}

interface Active {
  readonly sub: Sub;
  readonly frames: readonly RecordedFrame[];
  pos: number;
}

interface Timeline {
  readonly actives: Active[];
  /** Wall time the clock started (undefined while settling). */
  startWall?: number;
  /** Recorded time at the start. */
  t0: number;
}

/** Send one recorded frame; checksum frames only to sockets that asked for them (OB_CHECKSUM). */
function send(sub: Sub, f: RecordedFrame): void {
  if (f.parts[0] === 'cs' && !hasFlag(sub.session.flags, WS_FLAGS.OB_CHECKSUM)) return;
  sub.session.sendChannel(sub.chanId, f.parts);
}

/** Create a replayer over a parsed recording. */
export function createReplayer(recording: Recording, options: ReplayOptions = {}): Replayer {
  const speed = options.speed !== undefined && options.speed > 0 && Number.isFinite(options.speed) ? options.speed : 1;
  const settleMs = options.settleMs ?? 50;
  let current: Timeline | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;

  const dueWall = (tl: Timeline, t: number): number => (tl.startWall ?? Infinity) + (t - tl.t0) / speed;

  const pump = (tl: Timeline, now: number): void => {
    if (tl.startWall === undefined) return;
    const logical = tl.t0 + (now - tl.startWall) * speed;
    const due: { readonly a: Active; readonly f: RecordedFrame }[] = [];
    for (const a of tl.actives) {
      while (a.pos < a.frames.length && a.frames[a.pos].t <= logical) due.push({ a, f: a.frames[a.pos++] });
    }
    due.sort((x, y) => x.f.idx - y.f.idx);
    for (const { a, f } of due) send(a.sub, f);
  };

  const schedule = (): void => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (closed) return;
    let next = Infinity;
    const tl = current;
    if (tl) for (const a of tl.actives) if (a.pos < a.frames.length) next = Math.min(next, dueWall(tl, a.frames[a.pos].t));
    if (next === Infinity) return;
    timer = setTimeout(tick, Math.max(0, Math.ceil(next - Date.now())));
  };

  function tick(): void {
    timer = undefined;
    if (current) pump(current, Date.now());
    schedule();
  }

  const start = (tl: Timeline): void => {
    if (closed || tl !== current || tl.startWall !== undefined) return;
    tl.t0 = Math.min(...tl.actives.map((a) => a.frames[0]?.t ?? Infinity));
    if (!Number.isFinite(tl.t0)) tl.t0 = 0;
    tl.startWall = Date.now();
    pump(tl, tl.startWall);
    schedule();
  };

  return {
    attach(sub) {
      const recorded = recording.subs.get(subKeyOf(sub));
      if (!recorded || recorded.length === 0) return false;
      let tl = current;
      if (!tl) {
        const fresh: Timeline = { actives: [], t0: 0 };
        current = tl = fresh;
        setTimeout(() => start(fresh), settleMs);
      }
      const frames = recorded[0].frames;
      const active: Active = { sub, frames, pos: 0 };
      if (tl.startWall !== undefined) {
        // A late subscription: its own frames from its snapshot on, at once, then on the clock.
        const logical = tl.t0 + (Date.now() - tl.startWall) * speed;
        while (active.pos < frames.length && (active.pos === 0 || frames[active.pos].t <= logical)) {
          send(sub, frames[active.pos++]);
        }
      }
      tl.actives.push(active);
      if (tl.startWall !== undefined) schedule();
      return true;
    },
    detach(sub) {
      const tl = current;
      if (!tl) return;
      const i = tl.actives.findIndex((a) => a.sub === sub);
      if (i >= 0) tl.actives.splice(i, 1);
      if (tl.actives.length === 0) {
        current = undefined;
        schedule();
      }
    },
    keys: () => [...recording.subs.keys()],
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      current = undefined;
    },
  };
}

/** The recording key of a live subscription (same shape as `subscriptionKey` of its ack). */
export function subKeyOf(sub: Sub): string {
  const { spec } = sub;
  const head = `${spec.channel}:${spec.key ?? spec.symbol ?? ''}`;
  return spec.channel === 'book' ? `${head}:${spec.prec ?? 'P0'}:${spec.freq ?? 'F0'}:${spec.len ?? 25}` : head;
}
