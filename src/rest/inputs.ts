/**
 * One validation for one input: the checks of the REST write endpoints, offered to the WebSocket
 * inputs so that `submitOrder(undefined)`, a typo such as `prce` or a bad order type is the same
 * `BfxArgumentError`, with nothing sent, on both transports.
 *
 * @module
 */
import { BfxArgumentError } from '../errors.js';
import { authFundingEndpoints } from './auth-funding.js';
import { authTradingEndpoints } from './auth-trading.js';
import { acceptedParams, buildRequest, type EndpointSpec } from './endpoint.js';

/** The REST endpoint whose table validates each WebSocket input (`on`, `ou`, ...). */
export const INPUT_ENDPOINTS = {
  on: authTradingEndpoints.submitOrder,
  ou: authTradingEndpoints.updateOrder,
  oc: authTradingEndpoints.cancelOrder,
  oc_multi: authTradingEndpoints.cancelOrderMulti,
  fon: authFundingEndpoints.submitFundingOffer,
  foc: authFundingEndpoints.cancelFundingOffer,
} as const;

/** A WebSocket input validated by {@link validateInputParams}. */
export type InputName = keyof typeof INPUT_ENDPOINTS;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Validates the params of input `name` (camelCase, as the REST method takes them) and returns them
 * in wire names (`price_aux_limit`...). A missing or non-object argument, an unknown key, a
 * missing required value or a bad value throws `BfxArgumentError` naming it. `on` gets a `cid`
 * when it has none.
 */
export function validateInputParams(name: InputName, params: unknown): Record<string, unknown> {
  const spec = INPUT_ENDPOINTS[name] as EndpointSpec<readonly unknown[], unknown>;
  if (!isRecord(params)) throw new BfxArgumentError(`Invalid ${name} input: expected an object of parameters, got ${params === null ? 'null' : typeof params}`, 'params');
  const names = spec.args as readonly string[];
  if (names.includes('*')) return buildRequest(spec, [params]).params;
  const known = acceptedParams(spec);
  for (const key of Object.keys(params)) {
    if (!known.has(key)) throw new BfxArgumentError(`Unknown parameter ${JSON.stringify(key)} (accepted: ${[...known].join(', ')})`, key);
  }
  for (const n of spec.required ?? []) {
    if (params[n] === undefined) throw new BfxArgumentError(`Missing required argument ${n}`, n);
  }
  return buildRequest(spec, names.map((n) => params[n])).params;
}
