/**
 * The machines, exported for embedding in larger XState apps (`invoke` / `spawnChild` them with
 * their input types), with their actor ref types.
 *
 * @module
 */
export { connectionMachine } from './connection.machine.js';
export type { ConnectionActorRef, ConnectionInput, ConnectionContext, ConnectionEvent, ConnectionOutput } from './connection.machine.js';
export { supervisorMachine } from './supervisor.machine.js';
export type { SupervisorActorRef, SupervisorInput, SupervisorContext, SupervisorEvent, SupervisorOutput } from './supervisor.machine.js';
export { subscriptionMachine } from './subscription.machine.js';
export type { SubscriptionActorRef, SubscriptionInput, SubscriptionContext, SubscriptionEvent, SubscriptionEmitted, SubscriptionOutput } from './subscription.machine.js';
export { DEFAULT_BACKOFF, backoffDelay as reconnectDelay } from './backoff.js';
export type { BackoffOptions } from './backoff.js';
export type { ConnectionNotice } from './connection.machine.js';
export type { RuntimeReport, RuntimeReportKind, ErrorInfo } from './reports.js';
export type { SocketCommand, SocketEvent, SocketInput } from './socket-protocol.js';
export type { SubscribeRequest } from './supervisor.machine.js';
