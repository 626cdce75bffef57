/**
 * The default logger in browsers: records as objects on the console (`console.error`, `.warn`,
 * `.info`, `.debug`), with the same level names, bindings and redaction as the Node.js pino
 * logger, in a few hundred bytes instead of pino's browser build.
 *
 * @module
 */
import { redactSecrets, type DefaultLoggerSettings, type PinoLevel } from './levels.js';
import type { BfxLogger } from './logger.js';

const RANK: Readonly<Record<PinoLevel, number>> = { debug: 20, info: 30, warn: 40, error: 50, silent: Infinity };

type Rec = Record<string, unknown>;

/** A copy of a record with its secrets redacted (the keys and depths of the Node.js logger's redaction paths). */
export const redactRecord = (record: Rec): Rec => redactSecrets(record);

type Method = 'error' | 'warn' | 'info' | 'debug';

function consoleLogger(threshold: number, bindings: Rec): BfxLogger {
  const write = (level: Method) => (obj: object, msg?: string): void => {
    if (RANK[level] < threshold) return;
    const record = redactRecord({ level, time: Date.now(), name: 'bfx-actors', ...bindings, ...obj, ...(msg === undefined ? {} : { msg }) });
    console[level](record);
  };
  return {
    error: write('error'),
    warn: write('warn'),
    info: write('info'),
    debug: write('debug'),
    child: (more) => consoleLogger(threshold, { ...bindings, ...more }),
  };
}

/** The browser default logger; `logFile` is refused (there is no file system). */
export function createDefaultLogger(settings: DefaultLoggerSettings): BfxLogger {
  if (settings.logFile) throw new TypeError('logFile is supported on Node.js only; in browsers the logger writes to the console');
  return consoleLogger(RANK[settings.level], {});
}
