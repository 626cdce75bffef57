/** The console logger that browser bundles get instead of pino: levels, bindings, redaction. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDefaultLogger, redactRecord } from '../../src/logging/default-logger.browser.js';

afterEach(() => vi.restoreAllMocks());

describe('the browser default logger', () => {
  it('logs records at or above its level, with bindings, as objects', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    const log = createDefaultLogger({ level: 'warn' }).child({ component: 'ws' });
    log.warn({ attempt: 2 }, 'reconnecting');
    log.debug({ x: 1 }, 'hidden');
    expect(debug).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toMatchObject({ level: 'warn', name: 'bfx-actors', component: 'ws', attempt: 2, msg: 'reconnecting' });
  });

  it('redacts secrets at the top level, one level down and in bfx-* headers, without touching the input', () => {
    const input = { apiKey: 'K', req: { apiSecret: 'S', headers: { 'bfx-apikey': 'K', 'bfx-signature': 'sig', accept: 'json' } }, headers: { 'bfx-nonce': '1' }, keep: 1 };
    const out = redactRecord(input);
    expect(out).toEqual({ apiKey: '[redacted]', req: { apiSecret: '[redacted]', headers: { 'bfx-apikey': '[redacted]', 'bfx-signature': '[redacted]', accept: 'json' } }, headers: { 'bfx-nonce': '[redacted]' }, keep: 1 });
    expect(input.apiKey).toBe('K');
    expect(JSON.stringify(out)).not.toMatch(/"K"|"S"|"sig"/);
  });

  it('refuses logFile with a clear error', () => {
    expect(() => createDefaultLogger({ level: 'info', logFile: '/tmp/x.log' })).toThrow(/Node\.js only/);
  });
});
