/**
 * The machine host of a WebSocket client: the supervisor logic wired to this client's socket
 * actor, its input, the running supervisor actor once attached, the events sent to it (the
 * subscribes of one tick batched into one `SUBSCRIBE_BATCH`) and every read of machine state,
 * always from the actors' snapshots (connection phases, auth, each subscription's phase and
 * chanId): nothing here keeps a copy.
 *
 * @module
 */
import type { AnyActorRef } from 'xstate';
import type { SubEntry } from '../../machines/children.js';
import { phaseOf } from '../../machines/children.js';
import { intentOf } from '../../machines/routing.js';
import type { ConnectionContext } from '../../machines/connection.machine.js';
import { connectionMachine } from '../../machines/connection.machine.js';
import type { SupervisorEmitted } from '../../machines/emitted.js';
import { supervisorMachine, type SubscribeRequest, type SupervisorContext, type SupervisorEvent, type SupervisorInput } from '../../machines/supervisor.machine.js';
import { createSocketActor, type SocketRuntime } from './socket-actor.js';

/** State of one connection, read from its actor. */
export type ConnectionState = 'idle' | 'connecting' | 'open' | 'closing' | 'reconnecting' | 'closed';

/** A subscription's phase as a handle shows it (terminal states are kept by the handle itself). */
export type LivePhase = 'pending' | 'active';

/** The supervisor actor as the host uses it (a root actor, or one a host machine invoked). */
export type SupervisorRef = AnyActorRef;

interface Snap {
  readonly status: string;
  readonly value: unknown;
  readonly context: unknown;
  readonly children: Record<string, AnyActorRef | undefined>;
}

const snapOf = (ref: AnyActorRef): Snap => ref.getSnapshot() as Snap;

/** Hosts the machines of one client. */
export class MachineHost {
  readonly #runtime: SocketRuntime;
  readonly #input: SupervisorInput;
  #actor: SupervisorRef | undefined;
  #pending: SubscribeRequest[] = [];

  constructor(runtime: SocketRuntime, input: SupervisorInput) {
    this.#runtime = runtime;
    this.#input = input;
  }

  /** The supervisor logic wired to this client (provide it to `createActor` or invoke it in a host machine). */
  get logic() {
    return supervisorMachine.provide({
      actors: { connection: connectionMachine.provide({ actors: { socket: createSocketActor(this.#runtime) } }) },
    });
  }

  /** The input for {@link logic}. */
  get input(): SupervisorInput {
    return this.#input;
  }

  /** The attached supervisor actor. */
  get actor(): SupervisorRef | undefined {
    return this.#actor;
  }

  /** Attach the running supervisor and listen to what it emits (`listen` gets every event). */
  attach(actor: SupervisorRef, listen: (event: SupervisorEmitted) => void): void {
    this.#actor = actor;
    actor.on('*', (event: SupervisorEmitted) => listen(event));
  }

  /** Send an event to the supervisor (after the subscribes queued before it, so the order holds). */
  send(event: SupervisorEvent): void {
    this.flush();
    this.#actor?.send(event);
  }

  /**
   * Queue a subscribe. The subscribes of one tick go as one `SUBSCRIBE_BATCH` (one event instead
   * of thousands; routed in order exactly as single `SUBSCRIBE`s); anything that could observe the
   * routing flushes the queue first.
   */
  queueSubscribe(request: SubscribeRequest): void {
    if (this.#pending.length === 0) queueMicrotask(() => this.flush());
    this.#pending.push(request);
  }

  /** Drop a queued subscribe that was not sent yet; true when it was still queued. */
  unqueue(subId: string): boolean {
    const i = this.#pending.findIndex((r) => r.sub.subId === subId);
    if (i < 0) return false;
    this.#pending.splice(i, 1);
    return true;
  }

  /** Send the queued subscribes. */
  flush(): void {
    const subs = this.#pending;
    if (subs.length === 0) return;
    this.#pending = [];
    const [first] = subs;
    if (subs.length === 1 && first !== undefined) this.#actor?.send({ type: 'SUBSCRIBE', sub: first.sub, key: first.key });
    else this.#actor?.send({ type: 'SUBSCRIBE_BATCH', subs });
  }

  /** Whether the supervisor has stopped (closed or failed). */
  get stopped(): boolean {
    const actor = this.#actor;
    return actor === undefined ? false : snapOf(actor).status !== 'active';
  }

  // ------------------------------------------------------------------ reads from the snapshots

  #connection(index: number): AnyActorRef | undefined {
    const actor = this.#actor;
    return actor === undefined ? undefined : snapOf(actor).children[`conn-${index}`];
  }

  /** The phase of connection `index`. */
  connectionState(index: number): ConnectionState {
    const ref = this.#connection(index);
    if (ref === undefined) return this.#actor !== undefined && snapOf(this.#actor).status !== 'active' ? 'closed' : 'idle';
    const { value, status } = snapOf(ref);
    if (status !== 'active' || value === 'closed') return 'closed';
    if (value === 'reconnecting') return 'reconnecting';
    const session = (value as { session?: string }).session;
    if (session === 'open') return 'open';
    if (session === 'closing') return 'closing';
    return 'connecting';
  }

  /** The phase of every connection. */
  connectionStates(): ConnectionState[] {
    return Array.from({ length: this.#input.connections ?? 0 }, (_, i) => this.connectionState(i));
  }

  /** Connection `index` is in maintenance (info 20060 seen, 20061 not yet). */
  paused(index: number): boolean {
    const ref = this.#connection(index);
    return ref === undefined ? false : (snapOf(ref).context as ConnectionContext).paused;
  }

  #intent(subId: string): { conn: number } | undefined {
    const actor = this.#actor;
    return actor === undefined ? undefined : intentOf(snapOf(actor).context as SupervisorContext, subId);
  }

  #child(subId: string): SubEntry | undefined {
    const intent = this.#intent(subId);
    const ref = intent === undefined ? undefined : this.#connection(intent.conn);
    if (ref === undefined) return undefined;
    return (snapOf(ref).context as ConnectionContext).subs.find((e) => e.subId === subId);
  }

  /** The connection a subscription is routed to (null before routing). */
  connectionOf(subId: string): number | null {
    return this.#intent(subId)?.conn ?? null;
  }

  /** The chanId of a subscription (null unless subscribed). */
  chanIdOf(subId: string): number | null {
    return this.#child(subId)?.ref.getSnapshot().context.chanId ?? null;
  }

  /** Whether a subscription's actor shows it live (acknowledged and not lost). */
  phaseOf(subId: string): LivePhase {
    const child = this.#child(subId);
    if (child === undefined) return 'pending';
    switch (phaseOf(child)) {
      case 'active':
      case 'resubscribing.unsubscribing':
      case 'resubscribing.subscribing':
      case 'unsubscribing':
        return 'active';
      default:
        return 'pending';
    }
  }
}
