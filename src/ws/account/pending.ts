/**
 * Inputs waiting for their request notification, and how a notification finds its input: by
 * type first, then by key — `cid` for `on-req`, order `id` (or `cid`) for `ou-req` / `oc-req`,
 * offer `id` for `foc-req` — and first-in-first-out among the inputs of that type when the input
 * or the notification carries no key (`oc_multi-req`, `ox_multi-req`, `fon-req`). A notification
 * that carries a key matching no input came from elsewhere (another session, REST) and settles
 * nothing; it is still emitted as an event.
 *
 * @module
 */
import type { Notification } from '../../models/index.js';

/** The key an input expects in its notification's data. */
export interface PendingKey {
  readonly id?: number;
  readonly cid?: number;
}

/** One input waiting for its answer. */
export interface PendingEntry {
  /** Notification type that answers it (`on-req`, ...). */
  readonly type: string;
  readonly key: PendingKey;
  /** Answer the input with its notification. */
  settle(n: Notification<unknown>): void;
  /** Reject the input (client closed, auth connection gone for good). */
  fail(error: Error): void;
  /** The connection dropped after the input was sent: reject it as of unknown outcome. */
  lost(): void;
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) && v !== 0 ? v : undefined;
}

/** The `id` / `cid` a notification's data carries (a decoded order or offer), if any. */
export function notificationKey(n: Notification<unknown>): PendingKey {
  const data = n.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return {};
  const r = data as { id?: unknown; cid?: unknown };
  const key: { id?: number; cid?: number } = {};
  const id = num(r.id);
  const cid = num(r.cid);
  if (id !== undefined) key.id = id;
  if (cid !== undefined) key.cid = cid;
  return key;
}

function keyed(k: PendingKey): boolean {
  return k.id !== undefined || k.cid !== undefined;
}

function matches(entry: PendingKey, got: PendingKey): boolean {
  return (entry.id !== undefined && entry.id === got.id) || (entry.cid !== undefined && entry.cid === got.cid);
}

/** The pending inputs of one connection's account channel. */
export class PendingRequests {
  readonly #byType = new Map<string, PendingEntry[]>();
  #size = 0;

  /** Number of inputs waiting for an answer. */
  get size(): number {
    return this.#size;
  }

  /** Register an input. */
  add(entry: PendingEntry): void {
    const list = this.#byType.get(entry.type);
    if (list === undefined) this.#byType.set(entry.type, [entry]);
    else list.push(entry);
    this.#size++;
  }

  /** Remove an input (timed out); false when it was no longer waiting. */
  remove(entry: PendingEntry): boolean {
    const list = this.#byType.get(entry.type);
    const i = list === undefined ? -1 : list.indexOf(entry);
    if (list === undefined || i < 0) return false;
    list.splice(i, 1);
    this.#size--;
    return true;
  }

  /** The input `n` answers (removed from the registry), or undefined. */
  take(n: Notification<unknown>): PendingEntry | undefined {
    const list = this.#byType.get(n.type);
    if (list === undefined || list.length === 0) return undefined;
    const got = notificationKey(n);
    let found = keyed(got) ? list.find((e) => matches(e.key, got)) : undefined;
    if (found === undefined) found = keyed(got) ? list.find((e) => !keyed(e.key)) : list[0];
    if (found !== undefined) this.remove(found);
    return found;
  }

  /** Remove and return every waiting input (grouped by type, oldest first within a type). */
  drain(): PendingEntry[] {
    const all: PendingEntry[] = [];
    for (const list of this.#byType.values()) all.push(...list);
    this.#byType.clear();
    this.#size = 0;
    return all;
  }
}
