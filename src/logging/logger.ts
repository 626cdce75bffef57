/**
 * Logging with pino: level names of this library (`error`, `warn`, `info`, `debug`) and of the Python
 * client (`ERROR`, `WARNING`, `INFO`, `DEBUG`), an optional log file, or the user's own
 * pino-compatible logger. Secrets (API key and secret, auth signatures, `bfx-*` headers) are
 * redacted from every record.
 *
 * @module
 */
import pino from 'pino';
import { fileDestination } from './node-destination.js';

/** Level names accepted in options. */
export type LogLevelName = 'error' | 'warn' | 'info' | 'debug' | 'silent' | 'ERROR' | 'WARNING' | 'INFO' | 'DEBUG';

/** The part of a pino logger this library uses (a pino logger satisfies it). */
export interface BfxLogger {
  error(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  debug(obj: object, msg?: string): void;
  child(bindings: Record<string, unknown>): BfxLogger;
}

/** Logger options. */
export interface LoggerOptions {
  /** Level (default `'warn'`). */
  readonly logLevel?: LogLevelName;
  /** Append records (JSON lines) to this file instead of stderr (Node.js only; browsers log to the console). */
  readonly logFile?: string;
  /** Use this logger (pino-compatible) instead of creating one; `logLevel`/`logFile` are then ignored. */
  readonly logger?: BfxLogger;
}

/** Paths redacted from every record. */
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

const LEVELS: Readonly<Record<LogLevelName, pino.LevelWithSilent>> = {
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

/** Map a level name of this library or of the Python client to a pino level. */
export function toPinoLevel(level: LogLevelName | undefined): pino.LevelWithSilent {
  return level === undefined ? 'warn' : (LEVELS[level] ?? 'warn');
}

/** Create the library's root logger. */
export function createLogger(options: LoggerOptions = {}): BfxLogger {
  if (options.logger) return options.logger;
  const base: pino.LoggerOptions = {
    name: 'bfx-actors',
    level: toPinoLevel(options.logLevel),
    redact: { paths: [...REDACT_PATHS], censor: '[redacted]' },
    // pino's browser build logs to the console; records as objects so that redaction applies.
    browser: { asObject: true },
  };
  if (options.logFile) return pino(base, fileDestination(options.logFile));
  return hasDestinations() ? pino(base, pino.destination(2)) : pino(base);
}

/** Whether this is pino's Node.js build (its browser build has no `destination`). */
function hasDestinations(): boolean {
  return typeof (pino as { destination?: unknown }).destination === 'function';
}
