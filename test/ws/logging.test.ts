import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger, toPinoLevel } from '../../src/logging/logger.js';
import { startHarness, waitFor, type Harness } from './harness.js';

let h: Harness | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await h?.close();
  h = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const tempFile = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'bfx-log-'));
  dirs.push(dir);
  return join(dir, 'bfx.log');
};

describe('logging', () => {
  it('maps the Python level names and redacts secrets', () => {
    expect(toPinoLevel('WARNING')).toBe('warn');
    expect(toPinoLevel('DEBUG')).toBe('debug');
    expect(toPinoLevel('error')).toBe('error');
    const file = tempFile();
    const log = createLogger({ logLevel: 'INFO', logFile: file });
    log.info({ apiKey: 'KEY123', apiSecret: 'SECRET456', frame: { authSig: 'SIG789' }, headers: { 'bfx-signature': 'HDR000' } }, 'hello');
    log.debug({}, 'not written at info');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('hello');
    expect(text).not.toContain('not written');
    for (const s of ['KEY123', 'SECRET456', 'SIG789', 'HDR000']) expect(text).not.toContain(s);
  });

  it('logs every attempt, failure and success of a real session, without secrets', async () => {
    const file = tempFile();
    const key = 'log-key-abcdef';
    const secret = 'log-secret-ghijkl';
    h = await startHarness({ accounts: [{ apiKey: key, apiSecret: secret }] }, { apiKey: key, apiSecret: secret, connections: 1, logLevel: 'debug', logFile: file });
    let auth = 0;
    h.bfx.ws.on('authenticated', () => void auth++);
    await h.bfx.ws.subscribe('ticker', { symbol: 'tBTCUSD' });
    await waitFor(() => auth === 1, 5_000, 'auth');
    h.sim.faults.dropAll();
    await waitFor(() => auth === 2, 5_000, 're-auth');
    const text = readFileSync(file, 'utf8');
    for (const msg of ['connection attempt', 'socket open', 'authenticated', 'socket closed', 'reconnecting after backoff']) expect(text).toContain(msg);
    expect(text).not.toContain(secret);
    expect(text).not.toContain(key);
  });
});
