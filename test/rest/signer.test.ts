/**
 * Signing and nonces: signRest / signWsAuth against node:crypto, and the shared nonce source
 * staying strictly increasing under 1,000 concurrent calls and a clock stepping backwards.
 */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createNonceSource, nonceSourceFor } from '../../src/auth/nonce.js';
import { signRest, signWsAuth } from '../../src/auth/signer.js';
import { createRestClient } from '../../src/rest/index.js';
import { startStub } from './helpers.js';

const hmac = (secret: string, msg: string): string => createHmac('sha384', secret).update(msg).digest('hex');

describe('signer', () => {
  it('signRest signs /api/v2/ + path + nonce + body', async () => {
    const sig = await signRest('secret', 'auth/r/wallets', 1700000000000000, '{}');
    expect(sig).toBe(hmac('secret', '/api/v2/auth/r/wallets1700000000000000{}'));
    expect(sig).toMatch(/^[0-9a-f]{96}$/);
  });

  it('signWsAuth returns AUTH + nonce and its HMAC', async () => {
    const { authPayload, authSig } = await signWsAuth('secret', '1700000000000001');
    expect(authPayload).toBe('AUTH1700000000000001');
    expect(authSig).toBe(hmac('secret', 'AUTH1700000000000001'));
  });
});

describe('nonce source', () => {
  it('stays strictly increasing with 1,000 concurrent calls while the clock steps backwards', async () => {
    const clock = [5_000, 5_000, 4_000, 4_999, 3_000, 6_000];
    let tick = 0;
    const next = createNonceSource({ now: () => clock[Math.min(tick++ >> 7, clock.length - 1)] });
    const nonces = await Promise.all(Array.from({ length: 1_000 }, () => Promise.resolve().then(next)));
    for (let i = 1; i < nonces.length; i++) expect(nonces[i]).toBeGreaterThan(nonces[i - 1]);
    expect(new Set(nonces).size).toBe(1_000);
    expect(nonces.every((n) => Number.isSafeInteger(n))).toBe(true);
  });

  it('is shared per API key, and a custom generator becomes the key source', () => {
    const a = nonceSourceFor('shared-key-1');
    expect(nonceSourceFor('shared-key-1')).toBe(a);
    const custom = (): string => '42';
    expect(nonceSourceFor('shared-key-1', custom)).toBe(custom);
    expect(nonceSourceFor('shared-key-1')).toBe(custom);
  });

  it('the REST client draws from the key source and honours a custom generator', async () => {
    const stub = await startStub();
    try {
      let n = 10;
      createRestClient({ restHost: stub.url, apiKey: 'nonce-key-2', apiSecret: 's', nonce: () => ++n });
      const second = createRestClient({ restHost: stub.url, apiKey: 'nonce-key-2', apiSecret: 's' });
      const ws = nonceSourceFor('nonce-key-2');
      await second.auth.getWallets();
      expect(ws()).toBe(12);
      await Promise.all(Array.from({ length: 20 }, () => second.auth.getPositions()));
      const sent = stub.requests.map((r) => Number(r.headers['bfx-nonce']));
      expect(sent[0]).toBe(11);
      expect(new Set(sent).size).toBe(21);
      expect(Math.min(...sent.slice(1))).toBe(13);
    } finally {
      await stub.close();
    }
  });
});
