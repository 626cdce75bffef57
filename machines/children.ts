/**
 * How a connection finds the subscription child a wire event belongs to: by the phase each child's
 * own snapshot shows (the child is the only record of it) and by the reply's echoed `subId` or
 * request fields. Pure functions over the connection's child refs.
 *
 * @module
 */
import { ackMatches } from '../src/ws/dataplane/subscriptions.js';
import type { ServerReply } from './socket-protocol.js';
import type { SubscriptionActorRef } from './subscription.machine.js';

/** A subscription child of a connection. */
export interface SubEntry {
  readonly subId: string;
  readonly ref: SubscriptionActorRef;
}

/** A child's phase, as its snapshot shows it (`resubscribing.unsubscribing`, `active`, ...). */
export type SubPhase =
  | 'pending'
  | 'subscribing'
  | 'cancelling'
  | 'active'
  | 'resubscribing.unsubscribing'
  | 'resubscribing.subscribing'
  | 'unsubscribing'
  | 'unsubscribed'
  | 'failed';

/** The phase of a child. */
export function phaseOf(entry: SubEntry): SubPhase {
  const value = entry.ref.getSnapshot().value;
  if (typeof value === 'string') return value as SubPhase;
  return `resubscribing.${(value as { resubscribing: string }).resubscribing}` as SubPhase;
}

/** The channel id a child holds (null when not subscribed). */
export const chanIdOf = (entry: SubEntry): number | null => entry.ref.getSnapshot().context.chanId;

/** Phases waiting for a `subscribed` (or a subscribe refusal). */
const AWAITING_ACK: ReadonlySet<SubPhase> = new Set(['subscribing', 'cancelling', 'resubscribing.subscribing']);
/** Phases waiting for an `unsubscribed`. */
export const AWAITING_UNSUB: ReadonlySet<SubPhase> = new Set(['unsubscribing', 'resubscribing.unsubscribing']);

/** The child by sub id. */
export function entryOf(subs: readonly SubEntry[], subId: string): SubEntry | undefined {
  for (const e of subs) if (e.subId === subId) return e;
  return undefined;
}

/**
 * The child a subscribe reply (`subscribed`, or an `error` echoing the request) answers: the one
 * awaiting an ack whose sub id the reply echoes, else the first whose request fields it echoes.
 * `taken`: children already answered by earlier replies of the same batch (their snapshots do not
 * show it yet).
 */
export function awaitingAck(subs: readonly SubEntry[], reply: ServerReply, taken?: ReadonlySet<SubEntry>): SubEntry | undefined {
  const awaits = (e: SubEntry): boolean => taken?.has(e) !== true && AWAITING_ACK.has(phaseOf(e));
  if (reply.subId !== undefined) {
    const e = entryOf(subs, reply.subId);
    return e !== undefined && awaits(e) ? e : undefined;
  }
  for (const e of subs) {
    if (awaits(e) && ackMatches(e.ref.getSnapshot().context.sub, reply)) return e;
  }
  return undefined;
}

/** The children holding `chanId`, except `except`, whose phase is in `phases` (every phase when absent). */
export function onChannel(subs: readonly SubEntry[], chanId: number, except?: string, phases?: ReadonlySet<SubPhase>): SubEntry[] {
  return subs.filter((e) => e.subId !== except && chanIdOf(e) === chanId && (phases === undefined || phases.has(phaseOf(e))));
}

/** A readable actor id for a subscription: `book:tBTCUSD:P0#3`, `ticker:tETHUSD#0`, `candles:trade:1m:tBTCUSD#7`. */
export function childIdFor(sub: { channel: string; symbol?: string; key?: string; prec?: string }, n: number): string {
  const what = sub.symbol ?? sub.key ?? '';
  return `${sub.channel}:${what}${sub.prec === undefined ? '' : `:${sub.prec}`}#${n}`;
}
