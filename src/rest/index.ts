/**
 * REST client for the Bitfinex API v2, with the endpoint machinery and validators that the
 * package's main entry keeps internal (tests and the simulator import them from here).
 *
 * @module
 */
export * from './public-surface.js';
export { defineEndpoint, bindEndpoints } from './endpoint.js';
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
} from './validate.js';
export { signRest, signWsAuth, type WsAuthSignature } from '../auth/signer.js';
