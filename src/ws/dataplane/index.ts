/**
 * The public data plane: frame router, channel sinks and subscription records.
 *
 * @module
 */
export { createFrameRouter, type FrameRouterStats, type FrameRouterWithStats } from './router.js';
export { createChannelSink, type BookEntry, type ChannelSinkOptions, type ManagedChannelSink } from './sinks.js';
export { ackMatches, CHANNELS, normalizeSubscription, subscribeFrame, subscriptionKey } from './subscriptions.js';
