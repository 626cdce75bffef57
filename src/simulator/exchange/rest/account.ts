/**
 * REST account routes: user info, summary, logins, audit, permissions, price alerts, settings,
 * auth tokens and performance history.
 *
 * @module
 */
import { randomUUID } from 'node:crypto';
import type { MarketEngine, SimRequest, SimRoute } from '../../contracts.js';
import type { ExchangeAccount } from '../account.js';
import { balanceInfo } from '../calc.js';
import { fmt } from '../numbers.js';
import { authRoute, invalid, optNumber, optString, reqNumber, reqString, windowed } from './common.js';

/** The 55-field user info array. */
function userInfo(acc: ExchangeAccount): unknown[] {
  const s = acc.state;
  const row = new Array<unknown>(55).fill(null);
  Object.assign(row, {
    0: s.userId, 1: s.email, 2: s.username, 3: s.mtsCreated, 4: 1, 5: 3, 7: 'UTC', 8: 'en', 9: 'bitfinex', 10: 1,
    14: s.mtsCreated, 15: 0, 16: s.userId, 17: 1, 18: 1, 19: 1, 22: 0, 23: 0, 24: 1, 25: 0, 26: ['u2f'], 28: 0,
    34: 0, 38: 0, 39: 0, 44: new Date(acc.ctx.now()).toISOString(), 47: 0, 49: [], 50: [], 54: 0,
  });
  return row;
}

/** The 30-day summary (fees and volumes), shaped like the captured answer. */
function summary(acc: ExchangeAccount): unknown[] {
  const vol = acc.state.trades.reduce((s, t) => s + Math.abs(t.execAmount * t.execPrice), 0);
  const f = acc.ctx.fees;
  return [
    null, null, null, null,
    // The exchange's fee schedule; the derivatives maker entry is the rebate (positive).
    [[f.maker, f.maker, f.maker, null, null, -f.derivMaker], [f.taker, f.taker, f.taker, null, null, f.derivTaker]],
    [[{ curr: 'Total (USD)', vol, vol_safe: vol, vol_maker: 0, vol_BFX: vol, vol_BFX_safe: vol, vol_BFX_maker: 0 }], {}, 0],
    [null, {}, 0], null, null, { leo_lev: 0, leo_amount_avg: 0 },
  ];
}

function alertKey(type: string, symbol: string, price: number): string {
  return `${type}:${symbol}:${fmt(price)}`;
}

function deleteAlert(acc: ExchangeAccount, key: string): unknown[] {
  return [acc.state.alerts.delete(key)];
}

function settingKeys(req: SimRequest, name: string): string[] | undefined {
  const raw = req.body[name];
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw) || !raw.every((k) => typeof k === 'string')) invalid(name);
  return raw as string[];
}

function settingsObject(req: SimRequest): Record<string, unknown> | undefined {
  const s = req.body.settings;
  if (s === undefined) return undefined;
  if (typeof s !== 'object' || s === null || Array.isArray(s)) invalid('settings');
  return s as Record<string, unknown>;
}

/** The account routes. */
export function accountRoutes(market: MarketEngine): SimRoute[] {
  const readSettings = (acc: ExchangeAccount, req: SimRequest): unknown[][] => {
    const keys = settingKeys(req, 'keys');
    return [...acc.state.settings.entries()].filter(([k]) => keys === undefined || keys.includes(k)).map(([k, v]) => [k, v]);
  };
  return [
    authRoute('auth/r/info/user', 'account', 'read', (acc) => userInfo(acc)),
    authRoute('auth/r/summary', 'account', 'read', (acc) => summary(acc)),
    authRoute('auth/r/logins/hist', 'account', 'read', (acc, req) => windowed(req, acc.state.logins, (r) => r[2] as number, 250, 25)),
    authRoute('auth/r/audit/hist', 'account', 'read', (acc, req) => windowed(req, acc.state.audit, (r) => r[0] as number, 250, 25)),
    authRoute('auth/r/permissions', 'account', 'read', (acc) =>
      Object.entries(acc.caps).map(([k, v]) => [k, v.read, v.write])),
    authRoute('auth/r/stats/perf:1D/hist', 'account', 'read', (acc) => [[acc.ctx.now(), ...balanceInfo(acc.ctx)]]),
    authRoute('auth/r/alerts', 'account', 'read', (acc, req) => {
      const type = optString(req, 'type') ?? 'price';
      if (type !== 'price') invalid('type');
      return [...acc.state.alerts.values()];
    }),
    authRoute('auth/w/alert/set', 'account', 'write', (acc, req) => {
      const type = reqString(req, 'type');
      if (type !== 'price') invalid('type');
      const symbol = reqString(req, 'symbol');
      if (!market.isTradingPair(symbol)) invalid('symbol');
      const price = reqNumber(req, 'price');
      if (price <= 0) invalid('price');
      const key = alertKey(type, symbol, price);
      const row = [key, type, symbol, price, optNumber(req, 'count') ?? 100];
      acc.state.alerts.set(key, row);
      return row;
    }),
    authRoute('auth/w/alert/{key}/del', 'account', 'write', (acc, req) => deleteAlert(acc, req.params.key ?? '')),
    authRoute('auth/w/alert/del', 'account', 'write', (acc, req) => {
      // The official clients send `{symbol, price}` without `type`: price alerts are the only kind.
      const key = optString(req, 'key') ?? alertKey(optString(req, 'type') ?? 'price', reqString(req, 'symbol'), reqNumber(req, 'price'));
      return deleteAlert(acc, key);
    }),
    authRoute('auth/r/settings', 'settings', 'read', readSettings),
    authRoute('auth/r/settings/core', 'settings', 'read', readSettings),
    authRoute('auth/w/settings/set', 'settings', 'write', (acc, req) => {
      const settings = settingsObject(req) ?? invalid('settings');
      for (const [k, v] of Object.entries(settings)) acc.state.settings.set(k, v);
      return [1];
    }),
    authRoute('auth/w/settings/del', 'settings', 'write', (acc, req) => {
      const keys = settingKeys(req, 'keys') ?? Object.keys(settingsObject(req) ?? invalid('keys'));
      for (const k of keys) acc.state.settings.delete(k);
      return [1];
    }),
    authRoute('auth/w/token', 'account', 'write', (acc, req) => {
      const ttl = optNumber(req, 'ttl') ?? 120;
      if (ttl <= 0) invalid('ttl');
      const token = `pub:api:${randomUUID()}`;
      acc.state.tokens.set(token, acc.ctx.now() + ttl * 1000);
      return [token];
    }),
    authRoute('auth/w/token/del', 'account', 'write', (acc, req) => [acc.state.tokens.delete(reqString(req, 'token')) ? 1 : 0]),
  ];
}
