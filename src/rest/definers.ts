/**
 * The definers of the endpoint tables, one per kind of entry (HTTP method, signing, wire key
 * style), all naming the shared checks of `checks.ts`.
 *
 * @module
 */
import { CHECKS } from './checks.js';
import { endpointDefiner } from './endpoint.js';

/** Public `GET`, query params in snake_case. */
export const get = endpointDefiner({ method: 'GET', auth: false, keys: 'snake' }, CHECKS);
/** Public `POST` (the calculations), snake_case body. */
export const post = endpointDefiner({ method: 'POST', auth: false, keys: 'snake' }, CHECKS);
/** Signed `POST`, snake_case body keys. */
export const signed = endpointDefiner({ method: 'POST', auth: true, keys: 'snake' }, CHECKS);
/** Signed `POST`, camelCase body keys as given (merchant, Thalex, LNX, pulse add). */
export const signedCamel = endpointDefiner({ method: 'POST', auth: true, keys: 'camel' }, CHECKS);
