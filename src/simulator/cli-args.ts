/**
 * The `bfx-sim` command line: every flag with its default and help text, parsed and validated
 * into simulator options. A bad value is a {@link CliError} with a one-line message.
 *
 * @module
 */
import { parseArgs } from 'node:util';
import type { BfxSimulatorOptions } from './index.js';

/** A command-line mistake: the CLI prints `bfx-sim: MESSAGE` and exits 1. */
export class CliError extends Error {}

type Kind = 'int' | 'number' | 'string' | 'boolean' | 'onoff';

interface FlagSpec {
  readonly kind: Kind;
  readonly def: string;
  readonly help: string;
  readonly min?: number;
  readonly max?: number;
}

/** Every flag, in help order. */
export const FLAGS: Readonly<Record<string, FlagSpec>> = {
  host: { kind: 'string', def: '127.0.0.1', help: 'interface to bind' },
  port: { kind: 'int', def: '0', min: 0, max: 65535, help: 'port (0 = any free port)' },
  seed: { kind: 'int', def: '1', min: 0, help: 'market seed (same seed, same market)' },
  rate: { kind: 'number', def: '5', min: 0, help: 'market steps per second per subscribed symbol (0 = still)' },
  volatility: { kind: 'number', def: '0.0001', min: 0, help: 'fair-price log change per step (std dev)' },
  heartbeat: { kind: 'int', def: '15000', min: 1, help: 'heartbeat of idle channels, ms' },
  'max-subs': { kind: 'int', def: '25', min: 1, help: 'subscriptions per socket' },
  'conn-limits': { kind: 'onoff', def: 'on', help: "Bitfinex's connection limits: 20/min on /ws/2, 5 per 15 s on /ws/2/auth" },
  'conn-limit': { kind: 'int', def: '0', min: 0, help: 'new connections per minute per IP on /ws/2 (0 = off)' },
  replay: { kind: 'string', def: '', help: 'serve a recorded session (JSONL or .gz) to every client' },
  speed: { kind: 'number', def: '1', min: Number.MIN_VALUE, help: 'replay speed (2 = twice as fast)' },
  'api-key': { kind: 'string', def: '', help: 'adds an account (with --api-secret)' },
  'api-secret': { kind: 'string', def: '', help: 'secret of --api-key' },
  status: { kind: 'onoff', def: 'auto', help: 'one-line live status (auto = when stdout is a terminal)' },
  'exit-on-eof': { kind: 'boolean', def: 'false', help: 'exit when stdin ends' },
  version: { kind: 'boolean', def: 'false', help: 'print the version and exit' },
  help: { kind: 'boolean', def: 'false', help: 'print this help and exit' },
};

/** The `--help` text. */
export function helpText(): string {
  const rows = Object.entries(FLAGS).map(([name, f]) => {
    const arg = f.kind === 'boolean' ? '' : f.kind === 'onoff' ? ' on|off' : f.kind === 'string' ? ' VALUE' : ' N';
    const def = f.kind === 'boolean' ? '' : ` (default ${f.def === '' ? 'none' : f.def})`;
    return `  --${`${name}${arg}`.padEnd(22)} ${f.help}${def}`;
  });
  return ['usage: bfx-sim [flags]', '', 'Starts the Bitfinex simulator; fault and scenario commands on stdin ("help").', '', ...rows, ''].join('\n');
}

/** Parsed command line. */
export interface CliArgs {
  readonly options: BfxSimulatorOptions;
  readonly help: boolean;
  readonly version: boolean;
  readonly exitOnEof: boolean;
  /** undefined = auto (when stdout is a TTY). */
  readonly status: boolean | undefined;
}

function numberFlag(name: string, raw: string, spec: FlagSpec): number {
  const n = raw.trim() === '' ? Number.NaN : Number(raw);
  const range = spec.max !== undefined ? ` ${spec.min ?? 0}–${spec.max}` : spec.min !== undefined && spec.min > 0 ? ' > 0' : ' ≥ 0';
  const what = spec.kind === 'int' ? 'an integer' : 'a number';
  const bad = !Number.isFinite(n) || (spec.kind === 'int' && !Number.isInteger(n)) || (spec.min !== undefined && n < spec.min) || (spec.max !== undefined && n > spec.max);
  if (bad) throw new CliError(`--${name}: expected ${what}${range}, got "${raw}"`);
  return n;
}

function onOff(name: string, raw: string | undefined): boolean | undefined {
  if (raw === undefined || raw === 'auto') return undefined;
  if (raw === 'on' || raw === 'true') return true;
  if (raw === 'off' || raw === 'false') return false;
  throw new CliError(`--${name}: expected on or off, got "${raw}"`);
}

/** Parse and validate `argv` (without node and script). */
export function parseCli(argv: readonly string[]): CliArgs {
  const options = Object.fromEntries(Object.entries(FLAGS).map(([k, f]) => [k, { type: f.kind === 'boolean' ? 'boolean' : 'string' }])) as Record<string, { type: 'string' | 'boolean' }>;
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values as Record<string, string | boolean | undefined>;
  } catch (err) {
    throw new CliError(err instanceof Error ? err.message.split('\n')[0] : String(err));
  }
  const str = (k: string): string | undefined => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  const num = (k: string): number | undefined => {
    const raw = str(k);
    return raw === undefined ? undefined : numberFlag(k, raw, FLAGS[k]);
  };
  const [key, secret] = [str('api-key'), str('api-secret')];
  if ((key === undefined) !== (secret === undefined)) throw new CliError('--api-key and --api-secret go together');
  const connLimit = num('conn-limit');
  const limits = onOff('conn-limits', str('conn-limits'));
  const replay = str('replay');
  if (replay === '') throw new CliError('--replay: expected a file');
  return {
    help: values.help === true,
    version: values.version === true,
    exitOnEof: values['exit-on-eof'] === true,
    status: onOff('status', str('status')),
    options: {
      host: str('host'),
      port: num('port'),
      seed: num('seed'),
      accounts: key !== undefined && secret !== undefined ? [{ apiKey: key, apiSecret: secret }] : [],
      market: { updatesPerSecond: num('rate'), volatility: num('volatility') },
      ws: {
        heartbeatMs: num('heartbeat'),
        maxSubscriptions: num('max-subs'),
        connectionLimits: limits ?? true,
        ...(connLimit !== undefined ? { connectionsPerMinute: connLimit === 0 ? false : connLimit } : {}),
      },
      replay,
      speed: num('speed'),
    },
  };
}
