/**
 * Endpoints as data. Each REST method is one {@link EndpointSpec} entry — HTTP method, path
 * template, positional argument names, wire key style, checks and a decoder — and
 * {@link bindEndpoints} turns a table of entries into callable methods whose parameter and result
 * types come from the entries' type arguments. The tables declare their entries compactly through
 * {@link endpointDefiner} (`definers.ts`): one definition string per entry.
 *
 * Path templates: `{name}` is a required segment, `{/name}` an optional one (`auth/r/orders{/symbol}/hist`
 * → `auth/r/orders/hist` or `auth/r/orders/tBTCUSD/hist`). Params not used by the path go to the
 * query string (GET) or the JSON body (POST).
 *
 * @module
 */
import { BfxArgumentError } from '../errors.js';
import { encodeSegment, snakeCase } from './encode.js';
import type { Transport } from './transport.js';
import type { RequestOptions } from './types.js';
import { validateBookLength, validatePositiveInteger, validateRequired, validateSort, validateTimestamp } from './validate.js';

/** Turns a response body into the method's result (throws `BfxProtocolError` on a bad shape). */
export type Decoder<R> = (body: unknown, endpoint: string) => R;

/** A param check: throws `BfxArgumentError` when `value` (never undefined) is invalid. */
export type Check = (value: unknown, name: string) => unknown;

/** Names of the positional arguments; `'*'` spreads an object argument into the params. */
export type ArgNames<A extends readonly unknown[]> = { readonly [K in keyof A]-?: string };

/** One endpoint entry. */
export interface EndpointSpec<A extends readonly unknown[], R> {
  readonly method: 'GET' | 'POST';
  /** Signed request (authenticated endpoints). */
  readonly auth: boolean;
  /** Path template relative to the host. */
  readonly path: string;
  /** Positional argument names (the tuple length is the method's arity). */
  readonly args: ArgNames<A>;
  /** Top-level wire key style of params: `snake` (`priceAuxLimit` → `price_aux_limit`) or `camel` (as is). */
  readonly keys: 'snake' | 'camel';
  /** Explicit renames param → wire key (win over `keys`). */
  readonly rename?: Readonly<Record<string, string>>;
  /** Params that must be present. */
  readonly required?: readonly string[];
  /**
   * Further params an object (`'*'`) argument accepts, besides those named by `args`, `required`,
   * `check`, `defaults`, `rename` and the path. Any other key is a `BfxArgumentError` (a typo such
   * as `prce` is never sent).
   */
  readonly params?: readonly string[];
  /** Checks by param name (in addition to the common checks of `sort`, `limit`, `start`, `end`, `len`). */
  readonly check?: Readonly<Record<string, Check>>;
  /** Values of params the caller left out. */
  readonly defaults?: Readonly<Record<string, unknown>>;
  /** Generated values of params the caller left out (a fresh `cid` per order). */
  readonly generate?: Readonly<Record<string, () => unknown>>;
  /** Cross-param rules (e.g. "price is required unless the order is a market order"). */
  readonly refine?: (params: Readonly<Record<string, unknown>>) => void;
  /** Decodes the response body. */
  readonly decode: Decoder<R>;
}

/** A typed endpoint entry (the type arguments carry the method signature). */
export interface Endpoint<A extends readonly unknown[], R> extends EndpointSpec<A, R> {
  /** Phantom marker of the argument tuple. */
  readonly __args?: A;
}

/** The method an endpoint entry becomes: its arguments, then optional {@link RequestOptions}. */
export type MethodOf<E> = E extends Endpoint<infer A, infer R> ? (...args: [...A, RequestOptions?]) => Promise<R> : never;

/** The API object a table becomes. */
export type ApiOf<T> = { readonly [K in keyof T]: MethodOf<T[K]> };

/** Declares one endpoint: `defineEndpoint<[symbol: string], Ticker>({ ... })`. */
export function defineEndpoint<A extends readonly unknown[], R>(spec: EndpointSpec<A, R>): Endpoint<A, R> {
  return spec;
}

/** What the tables share per group of entries: HTTP method, signing and wire key style. */
export type EndpointBase = Pick<EndpointSpec<readonly unknown[], unknown>, 'method' | 'auth' | 'keys'>;

/** The parts of an entry its definition string does not hold. */
export interface EndpointExtra {
  /** Checks named by the definition's tokens besides the shared ones of `checks.ts` (`ops:ops`). */
  readonly checks?: Readonly<Record<string, Check>>;
  readonly defaults?: EndpointSpec<readonly unknown[], unknown>['defaults'];
  readonly generate?: EndpointSpec<readonly unknown[], unknown>['generate'];
  readonly refine?: EndpointSpec<readonly unknown[], unknown>['refine'];
}

/** Declares one entry of a group: `(definition, args, decode, extra?)`. */
export type EndpointDefiner = <A extends readonly unknown[], R>(def: string, args: ArgNames<A>, decode: Decoder<R>, extra?: EndpointExtra) => Endpoint<A, R>;

const TOKEN = /^(\w+)(!?)(?::(\w+))?(?:>(\w+))?$/;

/**
 * The entries of one group, each declared by a definition string, compact enough that a client
 * does not pay for the table in code: the path template, then one token per param,
 * `name[!][:check][>wireKey]`: `!` required, `:check` a check by name (the entry's own
 * `extra.checks` first, then `named`), `>wireKey` a rename; a bare `name` is a further accepted
 * param. `'auth/r/orders{/symbol} symbol:trading ids:ids>id'` is
 * `{ path: 'auth/r/orders{/symbol}', check: { symbol: tradingSymbol, ids }, rename: { ids: 'id' } }`.
 */
export function endpointDefiner(base: EndpointBase, named: Readonly<Record<string, Check>>): EndpointDefiner {
  return <A extends readonly unknown[], R>(def: string, args: ArgNames<A>, decode: Decoder<R>, extra: EndpointExtra = {}): Endpoint<A, R> => {
    const [path, ...tokens] = def.split(' ');
    const required: string[] = [];
    const params: string[] = [];
    const check: Record<string, Check> = {};
    const rename: Record<string, string> = {};
    for (const token of tokens) {
      const [, name, req, checkName, wire] = TOKEN.exec(token) ?? [];
      const fn = checkName === undefined ? undefined : (extra.checks?.[checkName] ?? named[checkName]);
      if (name === undefined || (checkName !== undefined && fn === undefined)) throw new Error(`endpoint ${path}: bad token ${token}`);
      if (req) required.push(name);
      if (fn !== undefined) check[name] = fn;
      if (wire !== undefined) rename[name] = wire;
      if (!req && fn === undefined && wire === undefined) params.push(name);
    }
    const { defaults, generate, refine } = extra;
    return {
      ...base,
      path: path as string,
      args,
      ...(required.length > 0 && { required }),
      ...(params.length > 0 && { params }),
      ...(Object.keys(check).length > 0 && { check }),
      ...(Object.keys(rename).length > 0 && { rename }),
      ...(defaults && { defaults }),
      ...(generate && { generate }),
      ...(refine && { refine }),
      decode,
    };
  };
}

const COMMON_CHECKS: Readonly<Record<string, Check>> = {
  sort: validateSort,
  limit: validatePositiveInteger,
  start: validateTimestamp,
  end: validateTimestamp,
  len: validateBookLength,
};

const accepted = new WeakMap<object, ReadonlySet<string>>();

/** Every param name an endpoint accepts. */
export function acceptedParams(spec: EndpointSpec<readonly unknown[], unknown>): ReadonlySet<string> {
  let set = accepted.get(spec);
  if (set === undefined) {
    const names = new Set<string>([...(spec.args as readonly string[]), ...(spec.required ?? []), ...(spec.params ?? [])]);
    for (const table of [spec.check, spec.defaults, spec.rename, spec.generate]) for (const k of Object.keys(table ?? {})) names.add(k);
    for (const m of spec.path.matchAll(/\{\/?(\w+)\}/g)) names.add(m[1] as string);
    names.delete('*');
    set = names;
    accepted.set(spec, set);
  }
  return set;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Collects the params of a call from its positional arguments (spreading `'*'` objects). */
function collect(names: readonly string[], args: readonly unknown[]): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  names.forEach((name, i) => {
    const value = args[i];
    if (name !== '*') {
      params[name] = value;
      return;
    }
    if (value === undefined) return;
    if (!isRecord(value)) throw new BfxArgumentError(`Invalid argument ${i + 1}: expected an object of parameters`, `argument ${i + 1}`);
    Object.assign(params, value);
  });
  return params;
}

const SEGMENT = /\{(\/?)(\w+)\}/g;

/** Fills the path template, removing the params it used; returns the path. */
function fillPath(template: string, params: Record<string, unknown>): string {
  return template.replace(SEGMENT, (_m, optional: string, name: string) => {
    const value = params[name];
    delete params[name];
    if (optional) return value === undefined || value === null ? '' : `/${encodeSegment(value, name)}`;
    validateRequired(value, name);
    return encodeSegment(value, name);
  });
}

/** Validates and builds the request of one call: `{ path, params }` in wire names. */
export function buildRequest<A extends readonly unknown[], R>(
  spec: EndpointSpec<A, R>,
  args: readonly unknown[],
): { path: string; params: Record<string, unknown> } {
  const params = collect(spec.args as readonly string[], args);
  if ((spec.args as readonly string[]).includes('*')) {
    const known = acceptedParams(spec);
    for (const name of Object.keys(params)) {
      if (!known.has(name)) {
        throw new BfxArgumentError(`Unknown parameter ${JSON.stringify(name)} (accepted: ${[...known].join(', ')})`, name);
      }
    }
  }
  for (const [name, value] of Object.entries(spec.defaults ?? {})) {
    if (params[name] === undefined) params[name] = value;
  }
  for (const [name, make] of Object.entries(spec.generate ?? {})) {
    if (params[name] === undefined) params[name] = make();
  }
  for (const name of spec.required ?? []) validateRequired(params[name], name);
  for (const [name, value] of Object.entries(params)) {
    const check = spec.check?.[name] ?? COMMON_CHECKS[name];
    if (check !== undefined && value !== undefined && value !== null) check(value, name);
  }
  spec.refine?.(params);
  const path = fillPath(spec.path, params);
  const wire: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(params)) {
    const key = spec.rename?.[name] ?? (spec.keys === 'snake' ? snakeCase(name) : name);
    wire[key] = value;
  }
  return { path, params: wire };
}

/** Turns a table of endpoints into methods bound to `transport`. */
export function bindEndpoints<T extends Record<string, Endpoint<readonly unknown[], unknown>>>(table: T, transport: Transport): ApiOf<T> {
  const api: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const [method, spec] of Object.entries(table)) {
    const arity = spec.args.length;
    api[method] = async (...args: unknown[]) => {
      const options = args[arity] as RequestOptions | undefined;
      const { path, params } = buildRequest(spec, args);
      const body = await transport.request({ method: spec.method, path, params, auth: spec.auth }, options);
      return spec.decode(body, path);
    };
  }
  return api as ApiOf<T>;
}
