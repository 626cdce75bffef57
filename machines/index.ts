/**
 * The machines, exported for embedding in larger XState apps (`invoke` / `spawnChild` them with
 * their input types), with their actor ref types and the typed events they emit.
 *
 * @module
 */
export { connectionMachine } from './connection.machine.js';
export type { ConnectionActorRef, ConnectionInput, ConnectionContext, ConnectionEvent, ConnectionOutput } from './connection.machine.js';
export { supervisorMachine } from './supervisor.machine.js';
export type { SupervisorActorRef, SupervisorInput, SupervisorContext, SupervisorEvent, SupervisorOutput, SubscribeRequest, Outage, SupervisorBudget } from './supervisor.machine.js';
export { subscriptionMachine } from './subscription.machine.js';
export type {
  SubscriptionActorRef,
  SubscriptionInput,
  SubscriptionContext,
  SubscriptionEvent,
  SubscriptionEmitted,
  SubscriptionOutput,
  SubscriptionRequest,
} from './subscription.machine.js';
// The account machine's module exports it, its ref type and every type of its context and events.
export * from './account.machine.js';
export { DEFAULT_BACKOFF, backoffDelay as reconnectDelay } from './backoff.js';
export type { BackoffOptions } from './backoff.js';
export type { ConnectionEmitted, ConnectionNotice, SupervisorEmitted, ErrorInfo, SubscriptionAcked, SubscriptionEnd } from './emitted.js';
export type { SocketCommand, SocketEvent, SocketInput, SocketRef, ServerReply } from './socket-protocol.js';
export type { SubEntry, SubPhase } from './children.js';
export { allIntents, intentOf } from './routing.js';
export type { Intent, RoutingTables } from './routing.js';
export type { SessionEnd } from './connection.machine.js';
export { MAX_SUSPECT_DROPS } from './subscription.machine.js';
export { governorMachine } from './governor.machine.js';
export type { GovernorActorRef, GovernorContext, GovernorEvent, GovernorEmitted, TokenGranted, BudgetKind, TokenRequest } from './governor.machine.js';
export type { ConnectionBudget } from './connection.budget.js';
