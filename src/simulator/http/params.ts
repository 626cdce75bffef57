/**
 * Request parameter helpers for public routes: values from the query string or the JSON body,
 * history windows with Bitfinex's validation errors (`["error",10020,"limit: invalid"]`, ...).
 *
 * @module
 */

import { SimHttpError, type HistoryQuery, type SimRequest } from '../contracts.js';

/** A parameter from the JSON body (POST) or the query string, as a string. */
export function param(req: SimRequest, name: string): string | undefined {
  const b = req.body[name];
  if (b !== undefined && b !== null) return typeof b === 'string' ? b : JSON.stringify(b);
  return req.query.get(name) ?? undefined;
}

/** A numeric parameter; throws 10020 `<name>: invalid` when present but not a finite number. */
export function numberParam(req: SimRequest, name: string): number | undefined {
  const raw = param(req, name);
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n)) throw new SimHttpError(10020, `${name}: invalid`);
  return n;
}

/** The history window of a request; `limit` must be 1..max (default `def`). */
export function historyParams(req: SimRequest, max: number, def: number): Required<Pick<HistoryQuery, 'limit' | 'sort'>> & HistoryQuery {
  const limit = numberParam(req, 'limit') ?? def;
  if (!Number.isInteger(limit) || limit < 1 || limit > max) throw new SimHttpError(10020, 'limit: invalid');
  const start = numberParam(req, 'start');
  const end = numberParam(req, 'end');
  if (start !== undefined && end !== undefined && start > end) throw new SimHttpError(10020, 'time_interval: invalid');
  const sort = numberParam(req, 'sort') === 1 ? 1 : -1;
  return { limit, start, end, sort };
}

/** A comma-separated list parameter (`symbols`, `keys`). */
export function listParam(req: SimRequest, name: string): string[] | undefined {
  const raw = param(req, name);
  if (raw === undefined) return undefined;
  return raw.split(',').map((s) => s.trim()).filter((s) => s !== '');
}

/** Throws 10020 `<what>: invalid`. */
export function invalid(what: string): never {
  throw new SimHttpError(10020, `${what}: invalid`);
}
