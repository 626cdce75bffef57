/**
 * The three REST requests the official bitfinex-api-node RESTv2 client sends that the simulator
 * used to answer wrongly, each sent byte for byte as that client sends it.
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBfxSimulator, type BfxSimulator } from '../../src/simulator/index.js';

const KEY = 'official-key';
const SECRET = 'official-secret';
let sim: BfxSimulator;
let base = '';

beforeAll(async () => {
  sim = await createBfxSimulator({ accounts: [{ apiKey: KEY, apiSecret: SECRET }], market: { updatesPerSecond: 0 } });
  base = sim.restUrl.replace(/\/v2$/, '');
});
afterAll(async () => {
  await sim.close();
});

/** RESTv2._makeAuthRequest: nil fields dropped, signature over `/api/v2${path}${nonce}${body}`. */
async function authRequest(path: string, payload: Record<string, unknown>): Promise<{ status: number; body: unknown }> {
  const nonce = String(Date.now() * 1000);
  const body = JSON.stringify(payload);
  const sig = createHmac('sha384', SECRET).update(`/api/v2${path}${nonce}${body}`).digest('hex');
  const res = await fetch(`${base}/v2${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'bfx-nonce': nonce, 'bfx-apikey': KEY, 'bfx-signature': sig },
    body,
  });
  return { status: res.status, body: await res.json() };
}

describe('REST requests exactly as the official client sends them', () => {
  it('currencies(): the six conf keys answer lists, so _genCurrencyList can build its rows', async () => {
    const url = `/conf/${['pub:list:currency', 'pub:map:currency:sym', 'pub:map:currency:label', 'pub:map:currency:pool',
      'pub:map:currency:explorer', 'pub:map:currency:wfx'].join(',')}`;
    const res = await fetch(`${base}/v2${url}`);
    expect(res.status).toBe(200);
    const data = (await res.json()) as unknown[][];
    expect(data).toHaveLength(6);
    for (const part of data) expect(Array.isArray(part)).toBe(true);
    const wfx = new Map(data[5].map((row) => row as [string, string[]]));
    expect(wfx.get('BTC')).toContain('USD');
    expect(wfx.get('USD')).not.toContain('USD');
    for (const [ccy, targets] of wfx) {
      expect(typeof ccy).toBe('string');
      for (const t of targets) expect(typeof t).toBe('string');
    }
  });

  it('inactiveSymbols(): conf/pub:list:pair:exchange:inactive is a list of pair names none of which trades', async () => {
    const res = await fetch(`${base}/v2/conf/pub:list:pair:exchange:inactive`);
    const [pairs] = (await res.json()) as string[][];
    expect(pairs.length).toBeGreaterThan(0);
    for (const p of pairs) {
      expect(p).toMatch(/^[A-Z0-9:]+$/);
      expect(sim.market.isTradingPair(`t${p}`)).toBe(false);
    }
  });

  it('alertDelete({ symbol, price }): deletes the alert without a type field', async () => {
    const set = await authRequest('/auth/w/alert/set', { type: 'price', symbol: 'tBTCUSD', price: 50000 });
    expect(set).toEqual({ status: 200, body: ['price:tBTCUSD:50000', 'price', 'tBTCUSD', 50000, 100] });
    expect(await authRequest('/auth/w/alert/del', { symbol: 'tBTCUSD', price: 50000 })).toEqual({ status: 200, body: [true] });
    expect((await authRequest('/auth/r/alerts', { type: 'price' })).body).toEqual([]);
    expect(await authRequest('/auth/w/alert/del', { symbol: 'tBTCUSD', price: 50000 })).toEqual({ status: 200, body: [false] });
  });
});
