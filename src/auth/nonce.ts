/**
 * Nonces for authenticated REST calls and WebSocket auth. Bitfinex requires a strictly increasing
 * nonce per API key, shared by REST and WebSocket, at most 2^53 - 1. The default source counts
 * microseconds from the wall clock but never goes backwards: when the clock stalls or steps back,
 * it returns the previous value + 1. One source per API key is kept in a registry, so every
 * client built for that key (REST and WS, in one process) draws from the same counter.
 *
 * @module
 */

/** Produces the next nonce. Must return strictly increasing integers (as numbers or digit strings). */
export type NonceGenerator = () => number | string;

/** Options of {@link createNonceSource}. */
export interface NonceSourceOptions {
  /** Wall clock in ms (injectable for tests). Default `Date.now`. */
  readonly now?: () => number;
}

/** A strictly increasing microsecond nonce source that survives a clock stepping backwards. */
export function createNonceSource(options: NonceSourceOptions = {}): () => number {
  const now = options.now ?? Date.now;
  let last = 0;
  return () => {
    const candidate = Math.floor(now() * 1000);
    last = candidate > last ? candidate : last + 1;
    return last;
  };
}

const registry = new Map<string, NonceGenerator>();

/**
 * The shared nonce source of an API key: the custom generator if one is given (it then becomes
 * the key's source), otherwise the one already registered, otherwise a new default source.
 */
export function nonceSourceFor(apiKey: string, custom?: NonceGenerator): NonceGenerator {
  if (custom !== undefined) {
    registry.set(apiKey, custom);
    return custom;
  }
  let source = registry.get(apiKey);
  if (source === undefined) {
    source = createNonceSource();
    registry.set(apiKey, source);
  }
  return source;
}
