/**
 * Node-only log destination: a pino file destination (kept apart so browser builds can drop it).
 *
 * @module
 */
import pino from 'pino';

/** A synchronous pino destination appending to `path` (created with parent folders). */
export function fileDestination(path: string): pino.DestinationStream {
  return pino.destination({ dest: path, sync: true, mkdir: true, append: true });
}
