/**
 * Bitfinex API v2 hosts. The defaults are the non-`pub` hosts (public endpoints work there too);
 * the `pub` hosts serve public data only and are used when the caller passes them in.
 *
 * @module
 */

/** Authenticated (and public) REST base URL. */
export const REST_HOST = 'https://api.bitfinex.com/v2';
/** Public-only REST base URL. */
export const PUB_REST_HOST = 'https://api-pub.bitfinex.com/v2';
/** Authenticated (and public) WebSocket URL. */
export const WSS_HOST = 'wss://api.bitfinex.com/ws/2';
/** Public-only WebSocket URL. */
export const PUB_WSS_HOST = 'wss://api-pub.bitfinex.com/ws/2';
