/** The simulator's REST face is callable from another origin: CORS headers and preflights. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBfxSimulator, type BfxSimulator } from '../../src/simulator/index.js';

let sim: BfxSimulator;
beforeAll(async () => {
  sim = await createBfxSimulator();
});
afterAll(async () => {
  await sim.close();
});

describe('simulator CORS', () => {
  it('answers a preflight for an authenticated POST with 204 and the bfx-* headers allowed', async () => {
    const res = await fetch(`${sim.restUrl}/auth/r/wallets`, {
      method: 'OPTIONS',
      headers: { origin: 'http://127.0.0.1:1', 'access-control-request-method': 'POST', 'access-control-request-headers': 'bfx-nonce,bfx-apikey,bfx-signature,content-type' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const allowed = (res.headers.get('access-control-allow-headers') ?? '').split(/,\s*/);
    expect(allowed).toEqual(expect.arrayContaining(['bfx-nonce', 'bfx-apikey', 'bfx-signature', 'content-type']));
    expect(res.headers.get('access-control-allow-methods')).toMatch(/POST/);
  });

  it('sends Access-Control-Allow-Origin on answers and on errors', async () => {
    const ok = await fetch(`${sim.restUrl}/platform/status`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe('*');
    const missing = await fetch(`${sim.restUrl}/no/such/route`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('access-control-allow-origin')).toBe('*');
  });
});
