/**
 * Route templates: `book/{symbol}/{prec}`, `auth/r/order/{symbol}:{id}/trades`. A parameter
 * matches within one path segment and may contain colons; when two templates match, the one with
 * more literal characters wins (`auth/r/orders/hist` beats `auth/r/orders/{symbol}`).
 *
 * @module
 */

import type { SimRoute } from '../contracts.js';

/** A compiled route. */
export interface CompiledRoute {
  readonly route: SimRoute;
  readonly regex: RegExp;
  readonly names: readonly string[];
  /** Literal characters of the template (higher = more specific). */
  readonly score: number;
}

/** A matched route with its decoded parameters. */
export interface RouteMatch {
  readonly route: SimRoute;
  readonly params: Record<string, string>;
}

const escape = (s: string): string => s.replace(/[.*+?^$()|[\]\\]/g, '\\$&');

/** Compiles one template. */
export function compileRoute(route: SimRoute): CompiledRoute {
  const names: string[] = [];
  let score = 0;
  const source = route.path.replace(/\{(\w+)\}|([^{]+)/g, (_m, name: string | undefined, lit: string | undefined) => {
    if (name !== undefined) {
      names.push(name);
      return '([^/]+)';
    }
    score += lit?.length ?? 0;
    return escape(lit ?? '');
  });
  return { route, regex: new RegExp(`^${source}$`), names, score };
}

/** Compiles and orders routes, most specific first. */
export function compileRoutes(routes: readonly SimRoute[]): CompiledRoute[] {
  return routes.map(compileRoute).sort((a, b) => b.score - a.score);
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Finds the route for `method` and a path after `/v2/` (still percent-encoded). */
export function matchRoute(compiled: readonly CompiledRoute[], method: string, rawPath: string): RouteMatch | undefined {
  for (const c of compiled) {
    if (c.route.method !== method) continue;
    const m = c.regex.exec(rawPath) ?? c.regex.exec(decode(rawPath));
    if (!m) continue;
    const params: Record<string, string> = {};
    c.names.forEach((n, i) => {
      params[n] = decode(m[i + 1]);
    });
    return { route: c.route, params };
  }
  return undefined;
}
