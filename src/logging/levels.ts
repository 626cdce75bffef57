/**
 * Level names and redaction paths shared by the Node.js (pino) and browser (console) loggers.
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
