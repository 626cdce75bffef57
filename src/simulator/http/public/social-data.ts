/**
 * Deterministic community data: leaderboard users and Pulse profiles/messages.
 *
 * @module
 */

import { hashSeed } from '../../market/prng.js';

/** Simulated community members. */
export const NICKNAMES: readonly string[] = ['Bitfinex', 'satoshi_fan', 'alice', 'bob_trader', 'whale42', 'cryptoqueen',
  'hodler', 'chartist', 'mooncat', 'degen_dave', 'fibonacci', 'leverage_lou'];

const unit = (tag: string): number => hashSeed(3, tag) / 4294967296;

/** A Pulse profile row (17 fields). */
export function pulseProfile(nickname: string): unknown[] {
  const i = NICKNAMES.indexOf(nickname);
  const puid = `b${hashSeed(5, nickname).toString(16).padStart(8, '0')}-0000-4000-8000-${String(i + 1).padStart(12, '0')}`;
  return [puid, 1_600_000_000_000 + i * 86_400_000, null, nickname, null, `https://pulse.example/${nickname}.png`,
    `Hi, I am ${nickname}.`, null, null, i % 2 === 0 ? nickname : null, null, Math.floor(unit(`f${nickname}`) * 5000),
    Math.floor(unit(`g${nickname}`) * 300), null, null, null, 1];
}

/** Pulse message rows (22 fields, profile nested as `[[PROFILE]]` at 18), newest first, at or before `end`. */
export function pulseMessages(now: number, end: number | undefined, limit: number): unknown[][] {
  const step = 1_013_000;
  const newest = Math.floor(Math.min(now, end ?? now) / step) * step;
  const out: unknown[][] = [];
  for (let i = 0; i < limit; i++) {
    const mts = newest - i * step;
    const author = NICKNAMES[hashSeed(9, String(mts)) % NICKNAMES.length];
    const profile = pulseProfile(author);
    const pid = `p${hashSeed(13, String(mts)).toString(16).padStart(8, '0')}-${mts}`;
    const likes = Math.floor(unit(`l${mts}`) * 40);
    out.push([pid, mts, null, profile[0], null, `Market note #${mts / step}`, `${author}: BTC looks interesting today.`,
      null, null, 0, 1, 0, ['BTC'], [], [], likes, null, null, [profile], Math.floor(likes / 3), null, null]);
  }
  return out;
}

/** Leaderboard rows `[MTS,_,USERNAME,RANKING,_,_,VALUE,_,_,TWITTER_HANDLE]` for one board at `mts`. */
export function leaderboard(board: string, mts: number, limit: number): unknown[][] {
  const scored = NICKNAMES.map((n) => ({ n, v: Math.round(unit(`${board}:${n}:${mts}`) * 1e8) / 100 }));
  scored.sort((a, b) => b.v - a.v || a.n.localeCompare(b.n));
  return scored.slice(0, limit).map((s, i) => [mts, null, s.n, i + 1, null, null, s.v, null, null, null]);
}
