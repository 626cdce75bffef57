/**
 * Node-only log destination: a pino file destination (kept apart so browser builds can drop it).
 *
 * @module
 */
import pino from 'pino';

/** A synchronous pino destination appending to `path` (created with parent folders). */
export function fileDestination(path: string): pino.DestinationStream {
  if (typeof (pino as { destination?: unknown }).destination !== 'function') {
    throw new TypeError('logFile is supported on Node.js only; in browsers the logger writes to the console');
  }
  return pino.destination({ dest: path, sync: true, mkdir: true, append: true });
}
