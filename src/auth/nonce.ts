/**
 * Nonces for authenticated REST calls and WebSocket auth. Bitfinex requires a strictly increasing
 * nonce per API key, shared by REST and WebSocket, at most 2^53 - 1. The default source counts
 * microseconds from the wall clock but never goes backwards: when the clock stalls or steps back,
 * it returns the previous value + 1. One source per API key is kept in a registry, so every
 * client built for that key (REST and WS, in one process, whichever build loaded it) draws from
 * the same counter.
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

/**
 * The registry lives on `globalThis` under a registered symbol, so the ESM and CommonJS builds
 * (and any duplicate copy of the package) loaded in one process share one counter per key.
 */
const REGISTRY_KEY = Symbol.for('bfx-actors.nonce-registry.v1');

function registry(): Map<string, NonceGenerator> {
  const holder = globalThis as { [REGISTRY_KEY]?: Map<string, NonceGenerator> };
  return (holder[REGISTRY_KEY] ??= new Map<string, NonceGenerator>());
}

/**
 * The shared nonce source of an API key: the custom generator if one is given (it then becomes
 * the key's source), otherwise the one already registered, otherwise a new default source.
 */
export function nonceSourceFor(apiKey: string, custom?: NonceGenerator): NonceGenerator {
  const keys = registry();
  if (custom !== undefined) {
    keys.set(apiKey, custom);
    return custom;
  }
  let source = keys.get(apiKey);
  if (source === undefined) {
    source = createNonceSource();
    keys.set(apiKey, source);
  }
  return source;
}
