/**
 * Inspector wrapper: what reaches a user's inspector is sanitised (API key and secret replaced in
 * every string, auth signatures masked) and high-rate events are dropped (none of the machines see
 * data frames, but `socket.*`/`sub.*` bursts from many subscriptions are filtered anyway).
 *
 * @module
 */
import type { InspectionEvent, Observer } from 'xstate';
import { REDACTED, SECRET_KEYS } from '../logging/levels.js';

/** Event types never forwarded (high rate, no control-plane meaning). */
const DROPPED_EVENT_TYPES = new Set(['socket.gap']);

/**
 * A deep copy of `value` with secrets masked (bounded depth, cycles cut). An object with `toJSON`
 * is copied as that gives it, as `JSON.stringify` would: an actor ref in a context or an event (a
 * subscription's socket, a connection's children) shows as `{ xstate$$type, id }`, not as the
 * whole actor system walked to the depth limit.
 */
export function sanitizeValue(value: unknown, secrets: readonly string[], depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') {
    let out = value;
    for (const s of secrets) if (out.includes(s)) out = out.split(s).join(REDACTED);
    return out;
  }
  if (value === null || typeof value !== 'object' || typeof value === 'function') return typeof value === 'function' ? '[function]' : value;
  if (depth > 12 || seen.has(value)) return '[…]';
  seen.add(value);
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') return sanitizeValue(toJSON.call(value), secrets, depth + 1, seen);
  if (Array.isArray(value)) return value.map((v) => sanitizeValue(v, secrets, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEYS.has(k) ? REDACTED : sanitizeValue(v, secrets, depth + 1, seen);
  return out;
}

function sanitizeEvent(ev: InspectionEvent, secrets: readonly string[]): InspectionEvent {
  switch (ev.type) {
    case '@xstate.event':
      return { ...ev, event: sanitizeValue(ev.event, secrets) as typeof ev.event };
    case '@xstate.snapshot':
      return {
        ...ev,
        event: sanitizeValue(ev.event, secrets) as typeof ev.event,
        snapshot: sanitizeValue(ev.snapshot, secrets) as typeof ev.snapshot,
      };
    case '@xstate.action':
      return { ...ev, action: sanitizeValue(ev.action, secrets) as typeof ev.action };
    case '@xstate.microstep':
      return { ...ev, event: sanitizeValue(ev.event, secrets) as typeof ev.event, snapshot: sanitizeValue(ev.snapshot, secrets) as typeof ev.snapshot };
    default:
      return ev;
  }
}

/** Wrap an inspector: sanitise every event, drop high-rate ones, never let the inspector throw into the system. */
export function sanitizeInspection(
  target: Observer<InspectionEvent> | ((event: InspectionEvent) => void),
  secrets: readonly string[],
): (event: InspectionEvent) => void {
  const next = typeof target === 'function' ? target : (e: InspectionEvent) => target.next?.(e);
  return (event) => {
    if ((event.type === '@xstate.event' || event.type === '@xstate.snapshot') && DROPPED_EVENT_TYPES.has(event.event.type)) return;
    try {
      next(sanitizeEvent(event, secrets));
    } catch {
      // An inspector failure must not break the system.
    }
  };
}
