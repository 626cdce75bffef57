/**
 * The default logger in browsers: records as objects on the console (`console.error`, `.warn`,
 * `.info`, `.debug`), with the same level names, bindings and redaction as the Node.js pino
 * logger, in a few hundred bytes instead of pino's browser build.
 *
 * @module
 */
import { REDACT_PATHS, REDACTED, type DefaultLoggerSettings, type PinoLevel } from './levels.js';
import type { BfxLogger } from './logger.js';

const RANK: Readonly<Record<PinoLevel, number>> = { debug: 20, info: 30, warn: 40, error: 50, silent: Infinity };

/** `a.b`, `*.b`, `a["b-c"]` → path segments (`*` matches any key). */
const parsePath = (path: string): string[] => path.split(/\.|\["|"\]/).filter((s) => s.length > 0);
const PATHS: readonly string[][] = REDACT_PATHS.map(parsePath);

type Rec = Record<string, unknown>;
const isRecord = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Error);

/** A copy of `value` with the value at `path` censored (copies only along the path). */
function censor(value: unknown, path: readonly string[]): unknown {
  if (!isRecord(value) || path.length === 0) return value;
  const [head, ...rest] = path;
  let out: Rec | undefined;
  for (const key of head === '*' ? Object.keys(value) : [head]) {
    if (!(key in value)) continue;
    const next = rest.length === 0 ? REDACTED : censor(value[key], rest);
    if (next !== value[key]) (out ??= { ...value })[key] = next;
  }
  return out ?? value;
}

/** Apply every redaction path to a record. */
export function redactRecord(record: Rec): Rec {
  return PATHS.reduce<Rec>((acc, path) => censor(acc, path) as Rec, record);
}

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
