/**
 * Writing REST answers: JSON bodies, Bitfinex error arrays, the 404 page.
 *
 * @module
 */

import type { ServerResponse } from 'node:http';

/** Writes a JSON body with `status` (ignored when the response is already finished). */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body) ?? 'null';
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** Writes `["error", code, msg]`. */
export function sendError(res: ServerResponse, status: number, code: number, msg: string): void {
  sendJson(res, status, ['error', code, msg]);
}

/** The Express-style 404 page Bitfinex answers for unknown paths. */
export function sendNotFound(res: ServerResponse, method: string, apiPath: string): void {
  if (res.headersSent || res.destroyed) return;
  const text = `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>Cannot ${method} ${apiPath}</pre>\n</body>\n</html>\n`;
  res.writeHead(404, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
