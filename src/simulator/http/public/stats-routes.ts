/**
 * Public statistics routes: `stats1`, `rankings`, Pulse.
 *
 * @module
 */

import type { MarketEngine, SimRequest, SimRoute } from '../../contracts.js';
import { hashSeed } from '../../market/prng.js';
import { roundAmount } from '../../market/precision.js';
import { bucketStart, previousBucket } from '../../market/timeframes.js';
import { historyParams, invalid, numberParam } from '../params.js';
import { leaderboard, NICKNAMES, pulseMessages, pulseProfile } from './social-data.js';

/** stats1 key names → [allowed timeframe, symbol kind, side required, typical value]. */
const STATS: Readonly<Record<string, readonly [string, 't' | 'f' | 'ft' | 'BFX', boolean, number]>> = {
  'pos.size': ['1m', 't', true, 5000],
  'funding.size': ['1m', 'f', false, 3e8],
  'credits.size': ['1m', 'f', false, 2.5e8],
  'credits.size.sym': ['1m', 'ft', false, 1.2e8],
  'vol.1d': ['30m', 'BFX', false, 4e8],
  'vol.7d': ['30m', 'BFX', false, 2.6e9],
  'vol.30d': ['30m', 'BFX', false, 1.1e10],
  vwap: ['1d', 't', false, 0],
};

function statsKey(market: MarketEngine, key: string): { tf: string; base: number } {
  const [name, size, ...rest] = key.split(':');
  const spec = STATS[name];
  if (!spec || size !== spec[0]) invalid('key');
  const [, kind, sided] = spec;
  const isT = (s: string | undefined): boolean => s !== undefined && market.isTradingPair(s);
  const isF = (s: string | undefined): boolean => s !== undefined && market.isFundingCurrency(s);
  const ok =
    kind === 't' ? isT(sided ? rest.slice(0, -1).join(':') : rest.join(':')) && (!sided || ['long', 'short'].includes(rest[rest.length - 1]))
      : kind === 'f' ? rest.length === 1 && isF(rest[0])
        : kind === 'ft' ? isF(rest[0]) && isT(rest.slice(1).join(':'))
          : rest.length === 1 && rest[0] === 'BFX';
  if (!ok) invalid('key');
  const base = name === 'vwap' ? Number(market.ticker(rest.join(':'))[6]) : spec[3];
  return { tf: size === '1d' ? '1D' : size, base };
}

function statsRows(market: MarketEngine, req: SimRequest, key: string, limit: number): number[][] {
  const { tf, base } = statsKey(market, key);
  const q = historyParams(req, 10_000, 100);
  let b = bucketStart(tf, Math.min(q.end ?? Infinity, market.now()));
  const rows: number[][] = [];
  while (rows.length < limit && b >= (q.start ?? -Infinity) && b > 0) {
    const wave = Math.sin(b / 3.6e6 / 24 + (hashSeed(1, key) % 628) / 100);
    const noise = hashSeed(2, `${key}:${b}`) / 4294967296 - 0.5;
    rows.push([b, roundAmount(base * (1 + 0.1 * wave + 0.01 * noise))]);
    b = previousBucket(tf, b);
  }
  return q.sort === 1 ? rows.reverse() : rows;
}

function rankingKey(key: string): string {
  const [name, tf, ...rest] = key.split(':');
  if (!['plu_diff', 'plu', 'vol', 'plr'].includes(name) || !['3h', '1w', '1M'].includes(tf) || rest.length === 0) invalid('key');
  return tf === '1w' ? '7D' : tf;
}

const section = (s: string): 'hist' | 'last' => (s === 'hist' || s === 'last' ? s : invalid('section'));

/** Routes: stats1/{key}/{section}, rankings/{key}/{section}, pulse/hist, pulse/profile/{nickname}. */
export function statsRoutes(market: MarketEngine): SimRoute[] {
  return [
    {
      method: 'GET',
      path: 'stats1/{key}/{section}',
      handler: (req) => {
        const last = section(req.params.section) === 'last';
        const rows = statsRows(market, req, req.params.key, last ? 1 : historyParams(req, 10_000, 100).limit);
        return last ? (rows[0] ?? []) : rows;
      },
    },
    {
      method: 'GET',
      path: 'rankings/{key}/{section}',
      handler: (req) => {
        const last = section(req.params.section) === 'last';
        const tf = rankingKey(req.params.key);
        const q = historyParams(req, 250, 125);
        const rows = leaderboard(req.params.key, bucketStart(tf, Math.min(q.end ?? Infinity, market.now())), last ? 1 : q.limit);
        return last ? rows[0] : rows;
      },
    },
    {
      method: 'GET',
      path: 'pulse/hist',
      handler: (req) => {
        const limit = numberParam(req, 'limit') ?? 25;
        if (!Number.isInteger(limit) || limit < 1 || limit > 100) invalid('limit');
        return pulseMessages(market.now(), numberParam(req, 'end'), limit);
      },
    },
    {
      method: 'GET',
      path: 'pulse/profile/{nickname}',
      handler: (req) => (NICKNAMES.includes(req.params.nickname) ? pulseProfile(req.params.nickname) : invalid('nickname')),
    },
  ];
}
