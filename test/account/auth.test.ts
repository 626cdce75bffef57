import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AuthError } from '../../src/errors.js';
import { buildAuthFrame, nextAuthNonce, parseAuthReply, parseCaps, redactAuthFrame } from '../../src/ws/account/auth.js';
import { authFailed, authOk } from './fixtures.js';

const apiKey = 'key-auth-test';
const apiSecret = 'secret-auth-test';

describe('buildAuthFrame', () => {
  it('signs AUTH<nonce> with HMAC-SHA384 and carries the nonce as a number', async () => {
    const frame = await buildAuthFrame({ apiKey, apiSecret, nonce: 1575287436979000 });
    const expected = createHmac('sha384', apiSecret).update('AUTH1575287436979000').digest('hex');
    expect(frame).toEqual({ event: 'auth', apiKey, authSig: expected, authNonce: 1575287436979000, authPayload: 'AUTH1575287436979000' });
  });

  it('adds filter, dms 4 and calc only when asked', async () => {
    const frame = await buildAuthFrame({ apiKey, apiSecret, nonce: '42', filter: ['trading', 'wallet'], dms: true, calc: true });
    expect(frame).toMatchObject({ authNonce: 42, authPayload: 'AUTH42', filter: ['trading', 'wallet'], dms: 4, calc: 1 });
    const plain = await buildAuthFrame({ apiKey, apiSecret, nonce: 43, dms: false, filter: [] });
    expect(plain).not.toHaveProperty('dms');
    expect(plain).not.toHaveProperty('filter');
    expect(plain).not.toHaveProperty('calc');
  });

  it('never puts the secret in the frame, and redaction hides key and signature', async () => {
    const frame = await buildAuthFrame({ apiKey, apiSecret, nonce: 7 });
    expect(JSON.stringify(frame)).not.toContain(apiSecret);
    const safe = JSON.stringify(redactAuthFrame(frame));
    expect(safe).not.toContain(apiKey);
    expect(safe).not.toContain(frame.authSig as string);
    expect(redactAuthFrame(frame)).toMatchObject({ event: 'auth', authNonce: 7, authPayload: 'AUTH7' });
  });

  it('draws nonces from the source shared with REST: strictly increasing', () => {
    const a = Number(nextAuthNonce('key-nonce-test'));
    const b = Number(nextAuthNonce('key-nonce-test'));
    expect(b).toBeGreaterThan(a);
    let n = 100;
    expect(nextAuthNonce('key-nonce-custom', () => ++n)).toBe(101);
    expect(nextAuthNonce('key-nonce-custom')).toBe(102);
  });
});

describe('parseAuthReply', () => {
  it('turns the captured OK replies into AuthInfo', () => {
    const r = parseAuthReply(authOk[0]!);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.info.userId).toBe(3159883);
    expect(r.info.authId).toBe('ac7108e7-2f26-424d-9982-c24700dc02ca');
    expect(r.info.caps.history).toEqual({ read: 1, write: 0 });
    expect(r.info.raw).toEqual(authOk[0]);
    const second = parseAuthReply(authOk[1]!);
    expect(second.ok && second.info.caps.wallets).toEqual({ read: 1, write: 0 });
  });

  it('parses caps sent as a JSON string with string digits (2020 docs)', () => {
    expect(parseCaps('{"orders":{"read":"1","write":"0"}}')).toEqual({ orders: { read: 1, write: 0 } });
    expect(parseCaps('not json')).toEqual({});
    expect(parseCaps(undefined)).toEqual({});
  });

  it('turns the captured FAILED replies into AuthError with the Bitfinex code', () => {
    const codes = authFailed.map((msg) => {
      const r = parseAuthReply(msg);
      expect(r.ok).toBe(false);
      if (r.ok) return 0;
      expect(r.error).toBeInstanceOf(AuthError);
      expect(r.error.code).toBe('ERR_BFX_AUTH');
      expect(r.error.message).toContain(String(msg.msg));
      return r.error.bfxCode;
    });
    expect(codes).toEqual([10100, 10114]);
  });

  it('treats the legacy FAIL status and a missing code as failure', () => {
    const r = parseAuthReply({ event: 'auth', status: 'FAIL' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.bfxCode).toBeUndefined();
  });
});
