/**
 * Level names and redaction shared by the Node.js (pino) and browser (console) loggers.
 *
 * @module
 */
import { BfxArgumentError } from '../errors.js';

/** Level names accepted in options. */
export type LogLevelName = 'error' | 'warn' | 'info' | 'debug' | 'silent' | 'ERROR' | 'WARNING' | 'INFO' | 'DEBUG';

/** A pino level name (the subset this library emits, plus `silent`). */
export type PinoLevel = 'error' | 'warn' | 'info' | 'debug' | 'silent';

/** Paths redacted from every record (pino redaction syntax). */
export const REDACT_PATHS: readonly string[] = [
  'apiKey',
  'apiSecret',
  'authSig',
  'signature',
  'secret',
  '*.apiKey',
  '*.apiSecret',
  '*.authSig',
  '*.signature',
  '*.secret',
  'headers["bfx-apikey"]',
  'headers["bfx-signature"]',
  'headers["bfx-nonce"]',
  '*.headers["bfx-apikey"]',
  '*.headers["bfx-signature"]',
];

/** What replaces a redacted value. */
export const REDACTED = '[redacted]';

/** Keys whose values are secrets (credentials, auth signatures, `bfx-*` auth headers). */
export const SECRET_KEYS: ReadonlySet<string> = new Set(['apiKey', 'apiSecret', 'authSig', 'authPayload', 'signature', 'secret', 'bfx-apikey', 'bfx-signature', 'bfx-nonce']);

/**
 * A copy of a log record with the values of secret keys replaced, three levels deep (the depth of
 * {@link REDACT_PATHS}: `apiKey`, `*.apiKey`, `*.headers["bfx-apikey"]`); the record is not touched.
 * The redaction of the browser logger and of a user's own logger.
 */
export function redactSecrets<T extends object>(value: T, depth = 0): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (SECRET_KEYS.has(k)) out[k] = REDACTED;
    else out[k] = depth < 2 && v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Error) ? redactSecrets(v, depth + 1) : v;
  }
  return out as T;
}

const LEVELS: Readonly<Record<LogLevelName, PinoLevel>> = {
  error: 'error',
  ERROR: 'error',
  warn: 'warn',
  WARNING: 'warn',
  info: 'info',
  INFO: 'info',
  debug: 'debug',
  DEBUG: 'debug',
  silent: 'silent',
};

/**
 * Map a level name of this library or of the Python client to a pino level.
 *
 * @throws {BfxArgumentError} for a name that is none of them (`'VERBOSE'`), naming the accepted ones.
 */
export function toPinoLevel(level: LogLevelName | undefined): PinoLevel {
  if (level === undefined) return 'warn';
  const pino = Object.hasOwn(LEVELS, level) ? LEVELS[level] : undefined;
  if (pino === undefined) throw new BfxArgumentError(`Invalid logLevel: expected one of ${Object.keys(LEVELS).join(', ')}, got ${JSON.stringify(level)}`, 'logLevel');
  return pino;
}

/** Settings of the built-in default logger. */
export interface DefaultLoggerSettings {
  /** Level to log at. */
  readonly level: PinoLevel;
  /** File to append JSON lines to (Node.js only). */
  readonly logFile?: string;
}
