/**
 * REST client for the Bitfinex API v2, with the endpoint machinery and validators that the
 * package's main entry keeps internal (tests and the simulator import them from here).
 *
 * @module
 */
export * from './public-surface.js';
export { defineEndpoint, bindEndpoints } from './endpoint.js';
export { createPacer, sharedPacerFor, type Pacer, type PacingTicket } from './pacing.js';
export { resolveRouteLimit, routeLimitOf, defaultGroupOf } from './limits.js';
export { validateInputParams, INPUT_ENDPOINTS, type InputName } from './inputs.js';
export { nonceLaneFor, DEFAULT_SIGNED_IN_FLIGHT, type NonceLane, type NonceLaneOptions, type LaneTask } from '../auth/nonce.js';
export {
  validateSymbol,
  validateSymbols,
  validatePrecision,
  validateTimeframe,
  validateBookLength,
  validateCandleKey,
  validateCandleSymbol,
  validateSort,
  validatePositiveInteger,
  validateOrderType,
  validatePeriod,
  validateDuration,
  validateIntegerInRange,
  validatePositiveNumber,
  validateDecimal,
  validateOneOf,
  MAX_TIMER_MS,
  type SymbolKind,
} from './validate.js';
export { signRest, signWsAuth, type WsAuthSignature } from '../auth/signer.js';
