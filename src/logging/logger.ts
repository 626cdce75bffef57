/**
 * Logging with pino: level names of this library (`error`, `warn`, `info`, `debug`) and of the Python
 * client (`ERROR`, `WARNING`, `INFO`, `DEBUG`), an optional log file, or the user's own
 * pino-compatible logger. Secrets (API key and secret, auth signatures, `bfx-*` headers) are
 * redacted from every record. In browsers the default logger writes redacted records to the console.
 *
 * @module
 */
import { redactSecrets as mask, toPinoLevel, type LogLevelName } from './levels.js';
import { createDefaultLogger } from './default-logger.js';

export { REDACT_PATHS, toPinoLevel, type LogLevelName, type PinoLevel } from './levels.js';

/** The part of a pino logger this library uses (a pino logger satisfies it). */
export interface BfxLogger {
  /** Log at error level. */
  error(obj: object, msg?: string): void;
  /** Log at warn level. */
  warn(obj: object, msg?: string): void;
  /** Log at info level. */
  info(obj: object, msg?: string): void;
  /** Log at debug level. */
  debug(obj: object, msg?: string): void;
  /** A logger that adds `bindings` to every record. */
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

/** Create the library's root logger (a logger you pass in gets the library's secret redaction too). */
export function createLogger(options: LoggerOptions = {}): BfxLogger {
  if (options.logLevel !== undefined) toPinoLevel(options.logLevel);
  if (options.logger) return redacting(options.logger);
  return createDefaultLogger({ level: toPinoLevel(options.logLevel), logFile: options.logFile });
}

/** Wrap a user's logger so that what this library logs through it is redacted like its own. */
function redacting(logger: BfxLogger): BfxLogger {
  return {
    error: (obj, msg) => logger.error(mask(obj), msg),
    warn: (obj, msg) => logger.warn(mask(obj), msg),
    info: (obj, msg) => logger.info(mask(obj), msg),
    debug: (obj, msg) => logger.debug(mask(obj), msg),
    child: (bindings) => redacting(logger.child(mask(bindings))),
  };
}
