import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { CLOSE_HTTP_REFUSED, nodeSocketFactory } from '../../src/platform/websocket.js';

let server: Server | undefined;
afterEach(async () => {
  if (server) await new Promise<void>((r) => server!.close(() => r()));
  server = undefined;
});

function closeOf(url: string): Promise<[number, string]> {
  return new Promise((resolve) => {
    nodeSocketFactory(url, { onOpen: () => undefined, onMessage: () => undefined, onClose: (code, reason) => resolve([code, reason]) });
  });
}

describe('the ws adapter', () => {
  it('turns an HTTP 429 at the upgrade into one onClose (no unhandled EventEmitter error)', async () => {
    server = createServer();
    server.on('upgrade', (_req, socket) => {
      socket.end('HTTP/1.1 429 Too Many Requests\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
    });
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
    const { port } = server.address() as AddressInfo;
    const [code, reason] = await closeOf(`ws://127.0.0.1:${port}/ws/2`);
    expect(code).toBe(CLOSE_HTTP_REFUSED);
    expect(reason).toContain('429');
  });

  it('turns a refused TCP connect into onClose(1006) with the cause', async () => {
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', () => r()));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((r) => probe.close(() => r()));
    const [code, reason] = await closeOf(`ws://127.0.0.1:${port}/ws/2`);
    expect(code).toBe(1006);
    expect(reason).toMatch(/ECONNREFUSED/);
  });
});
