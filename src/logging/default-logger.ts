/**
 * The default logger on Node.js: pino writing JSON lines to stderr, or appending to a file.
 * Browser bundles swap this module for `default-logger.browser.ts` (the package's `browser`
 * field), so pino is not bundled there; if pino's own browser build is loaded anyway (a bundler
 * that ignores that field), it logs to the console.
 *
 * @module
 */
import pino from 'pino';
import { REDACT_PATHS, REDACTED, type DefaultLoggerSettings } from './levels.js';
import { fileDestination } from './node-destination.js';
import type { BfxLogger } from './logger.js';

/** Whether this is pino's Node.js build (its browser build has no `destination`). */
function hasDestinations(): boolean {
  return typeof (pino as { destination?: unknown }).destination === 'function';
}

/** A pino logger with the library's name, level and redaction. */
export function createDefaultLogger(settings: DefaultLoggerSettings): BfxLogger {
  const base: pino.LoggerOptions = {
    name: 'bfx-actors',
    level: settings.level,
    redact: { paths: [...REDACT_PATHS], censor: REDACTED },
    browser: { asObject: true },
  };
  if (settings.logFile) return pino(base, fileDestination(settings.logFile));
  return hasDestinations() ? pino(base, pino.destination(2)) : pino(base);
}
