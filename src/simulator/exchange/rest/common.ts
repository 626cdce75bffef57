/**
 * Shared helpers of the authenticated REST routes: the caller's account, permission checks,
 * typed body parameters (numbers or decimal strings) and history windows.
 *
 * @module
 */
import { SimHttpError, type SimRequest, type SimRoute } from '../../contracts.js';
import { historyParams, param } from '../../http/params.js';
import { exchangeAccount, type ExchangeAccount } from '../account.js';
import { toInteger, toNumber } from '../numbers.js';

/** Permission groups of the API key caps. */
export type CapGroup = 'account' | 'history' | 'orders' | 'positions' | 'funding' | 'settings' | 'wallets' | 'withdraw' | 'bfxpay';

/** The authenticated account of a request; 10100 when absent or foreign. */
export function accountOf(req: SimRequest): ExchangeAccount {
  const acc = exchangeAccount(req.account);
  if (acc === undefined) throw new SimHttpError(10100, 'apikey: invalid');
  return acc;
}

/** Throw 10001 `api_key: permission invalid` unless the key's caps allow `mode` on `group` (missing groups are allowed). */
export function requireCap(acc: ExchangeAccount, group: CapGroup, mode: 'read' | 'write'): void {
  const cap = acc.caps[group];
  if (cap !== undefined && cap[mode] !== 1) throw new SimHttpError(10001, 'api_key: permission invalid');
}

/** Throw 10020 `<field>: invalid`. */
export function invalid(field: string): never {
  throw new SimHttpError(10020, `${field}: invalid`);
}

/** An optional string parameter (body or query). */
export function optString(req: SimRequest, name: string): string | undefined {
  const v = req.body[name];
  if (typeof v === 'string') return v;
  if (v !== undefined && v !== null) invalid(name);
  return req.query.get(name) ?? undefined;
}

/** A required string parameter. */
export function reqString(req: SimRequest, name: string): string {
  const v = optString(req, name);
  if (v === undefined || v === '') invalid(name);
  return v;
}

/** An optional number parameter (number or decimal string). */
export function optNumber(req: SimRequest, name: string): number | undefined {
  const raw = req.body[name] ?? req.query.get(name) ?? undefined;
  if (raw === undefined || raw === null || raw === '') return undefined;
  const n = toNumber(raw);
  if (n === undefined) invalid(name);
  return n;
}

/** A required number parameter. */
export function reqNumber(req: SimRequest, name: string): number {
  const n = optNumber(req, name);
  if (n === undefined) invalid(name);
  return n;
}

/** A list of integer ids from `name` (array, single value or comma list); undefined when absent. */
export function idList(req: SimRequest, name: string): number[] | undefined {
  const raw = req.body[name] ?? param(req, name);
  if (raw === undefined || raw === null) return undefined;
  const items = Array.isArray(raw) ? raw : String(raw).split(',');
  return items.map((v) => toInteger(v) ?? invalid(name));
}

/** Apply `start`/`end`/`limit`/`sort` (newest first by default) to rows carrying an MTS. */
export function windowed<T>(req: SimRequest, rows: readonly T[], mts: (row: T) => number, max = 2500, def = 25): T[] {
  const q = historyParams(req, max, def);
  const picked = rows.filter((r) => (q.start === undefined || mts(r) >= q.start) && (q.end === undefined || mts(r) <= q.end));
  picked.sort((a, b) => (mts(a) - mts(b)) * q.sort);
  return picked.slice(0, q.limit);
}

/** A route with `auth: true` that checks a cap before its handler. */
export function authRoute(
  path: string,
  cap: CapGroup,
  mode: 'read' | 'write',
  handler: (acc: ExchangeAccount, req: SimRequest) => unknown,
): SimRoute {
  return {
    method: 'POST',
    path,
    auth: true,
    handler(req) {
      const acc = accountOf(req);
      requireCap(acc, cap, mode);
      return handler(acc, req);
    },
  };
}

/** The same handler under a path and its `/{symbol}`-style variant. */
export function withVariant(
  paths: readonly string[],
  cap: CapGroup,
  mode: 'read' | 'write',
  handler: (acc: ExchangeAccount, req: SimRequest) => unknown,
): SimRoute[] {
  return paths.map((p) => authRoute(p, cap, mode, handler));
}
