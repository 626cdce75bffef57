/**
 * Fault injection for the whole simulator ({@link SimFaults}): drop sockets (with or without a
 * close frame), silence them, refuse new connections, broadcast info codes, maintenance,
 * corrupt checksums, skip sequence numbers, send malformed frames, reject auth, add latency —
 * plus the REST faults. Used by tests (`sim.faults`) and by the CLI (stdin commands).
 *
 * @module
 */
import type { RestFaults } from './http/faults.js';
import type { Session, SimConnectionInfo } from './ws/session.js';
import type { WsFace } from './ws/face.js';

export type { SimConnectionInfo } from './ws/session.js';

/** Which sockets a fault targets: a connection index (see {@link SimFaults.connections}), a predicate, or all open ones. */
export type SocketTarget = number | ((connection: SimConnectionInfo) => boolean) | 'all';

/** How a socket is dropped. */
export interface DropOptions {
  /** Send a close frame (`code`, default 1001) instead of cutting the TCP connection (client sees 1006). Default false. */
  readonly closeFrame?: boolean;
  /** Close code when `closeFrame` is true (default 1001). */
  readonly code?: number;
}

/** Info codes the simulator can broadcast. */
export type SimInfoCode = 20051 | 20060 | 20061;

/** Kinds of malformed frames. */
export type MalformedKind = 'json' | 'shape';

/** Fault controls. */
export interface SimFaults {
  /** Drops every open socket. */
  dropAll(options?: DropOptions): void;
  /** Drops the targeted sockets; returns how many. */
  drop(target: SocketTarget, options?: DropOptions): number;
  /** No frames and no heartbeats to the targeted sockets (default all open ones) for `ms` or forever. */
  silence(ms: number | 'forever', target?: SocketTarget): void;
  /** Refuses WebSocket upgrades for `ms` with HTTP `status` (default 503). */
  refuseConnections(ms: number, status?: 503 | 429): void;
  /** Broadcasts `{"event":"info","code":CODE,"msg":...}`. */
  info(code: SimInfoCode): void;
  /** `'start'`: info 20060, new sockets see `platform.status` 0 and REST answers 20060; `'end'`: info 20061 and back to normal. */
  maintenance(phase: 'start' | 'end'): void;
  /** The next `cs` frame of each targeted socket carries a wrong checksum. */
  corruptNextChecksum(target?: SocketTarget): void;
  /** The next sequence number of each targeted socket jumps by one extra. */
  skipSequence(target?: SocketTarget): void;
  /** Sends a broken JSON text (`'json'`) or a frame of a wrong shape (`'shape'`) to the targeted sockets. */
  sendMalformed(kind?: MalformedKind, target?: SocketTarget): void;
  /** The next `count` auth attempts fail with `code` (10100 `apikey: invalid` or 10114 `nonce: small`). */
  rejectAuth(count?: number, code?: 10100 | 10114): void;
  /** Delays every outgoing WebSocket frame by `ms` (0 = off), order preserved. */
  delayReplies(ms: number): void;
  /**
   * Cuts the socket (no close frame) right after the exchange executed the next `count` inputs
   * (`[0, TYPE, null, PAYLOAD]`) of `type` (default any): the input took effect, its `n` and its
   * events never reach the client. For testing inputs in flight across a drop.
   */
  cutAfterInput(type?: string, count?: number): void;
  /** Open sockets with their subscriptions. */
  connections(): readonly SimConnectionInfo[];
  /** REST faults (maintenance, failNext, rateLimitNext, delay). */
  readonly rest: RestFaults;
}

const INFO_TEXT: Readonly<Record<SimInfoCode, string>> = {
  20051: 'Stop/Restart Websocket Server (please reconnect)',
  20060: 'Entering in Maintenance mode. Please pause any activity and resume after receiving the info message 20061 (it should take 120 seconds at most).',
  20061: 'Maintenance ended. You can resume normal activity. It is advised to unsubscribe/subscribe again all channels.',
};

function select(ws: WsFace, target: SocketTarget): Session[] {
  const all = ws.sessions();
  if (target === 'all') return [...all];
  if (typeof target === 'number') return all.filter((s) => s.index === target);
  return all.filter((s) => target(s.info()));
}

function dropSession(s: Session, options: DropOptions | undefined): void {
  if (options?.closeFrame) {
    try {
      s.ws.close(options.code ?? 1001, 'simulated drop');
      return;
    } catch {
      // A code that may not be sent (e.g. 1006): cut the connection instead.
    }
  }
  s.ws.terminate();
}

function malformed(s: Session, kind: MalformedKind): void {
  if (kind === 'json') {
    s.sendRaw('{"event":"info","code":2005');
    return;
  }
  const chanId = s.info().channels[0]?.chanId ?? 0;
  s.sendRaw(JSON.stringify([chanId, { unexpected: true }, 'x']));
}

/** Builds the fault controls over the WebSocket face and the REST faults. */
export function createSimFaults(ws: WsFace, rest: RestFaults): SimFaults {
  const each = (target: SocketTarget | undefined, f: (s: Session) => void): number => {
    const list = select(ws, target ?? 'all');
    list.forEach(f);
    return list.length;
  };
  const faults: SimFaults = {
    rest,
    dropAll: (options) => void each('all', (s) => dropSession(s, options)),
    drop: (target, options) => each(target, (s) => dropSession(s, options)),
    silence(ms, target) {
      const until = ms === 'forever' ? Infinity : Date.now() + Math.max(0, ms);
      each(target, (s) => {
        s.silencedUntil = until;
      });
    },
    refuseConnections(ms, status = 503) {
      ws.faults.refuseUntil = Date.now() + Math.max(0, ms);
      ws.faults.refuseStatus = status;
    },
    info(code) {
      ws.broadcast({ event: 'info', code, msg: INFO_TEXT[code] });
    },
    maintenance(phase) {
      const on = phase === 'start';
      ws.faults.maintenance = on;
      rest.maintenance(on);
      faults.info(on ? 20060 : 20061);
    },
    corruptNextChecksum: (target) =>
      void each(target, (s) => {
        s.corruptCsPending++;
      }),
    skipSequence: (target) =>
      void each(target, (s) => {
        s.skipSeqPending++;
      }),
    sendMalformed: (kind = 'json', target) => void each(target, (s) => malformed(s, kind)),
    rejectAuth(count = 1, code = 10100) {
      ws.faults.rejectAuth = { count: Math.max(0, Math.floor(count)), code };
    },
    delayReplies(ms) {
      ws.faults.delayMs = Math.max(0, Number.isFinite(ms) ? ms : 0);
    },
    cutAfterInput(type, count = 1) {
      ws.faults.cutAfterInput = { count: Math.max(0, Math.floor(count)), type };
    },
    connections: () => ws.sessions().map((s) => s.info()),
  };
  return faults;
}

/** Help text of {@link applyFaultCommand}. */
export const FAULT_COMMANDS_HELP = [
  'drop                  close every socket with a close frame (1001)',
  'drop-hard             cut every socket without a close frame (client sees 1006)',
  'silence MS|forever    no frames and no heartbeats on every open socket',
  'refuse MS [503|429]   refuse new WebSocket connections',
  'info 20051|20060|20061  broadcast an info event',
  'maint-start / maint-end  maintenance (info 20060/20061, platform status, REST 20060)',
  'corrupt-cs            the next cs frame of every socket is wrong',
  'skip-seq              the next sequence number of every socket jumps by one',
  'malformed [json|shape]  send a malformed frame to every socket',
  'reject-auth [COUNT] [10100|10114]  fail the next auth attempts',
  'delay MS              delay every WebSocket frame (0 = off)',
  'conns                 list open sockets',
].join('\n');

const INFO_CODES = new Set<number>([20051, 20060, 20061]);

const isInfoCode = (n: number): n is SimInfoCode => INFO_CODES.has(n);

/**
 * Runs one text command (the CLI's stdin language) against `faults`; returns what to print.
 * Unknown or malformed commands return an error line and change nothing.
 */
export function applyFaultCommand(faults: SimFaults, line: string): string {
  const [cmd = '', a, b] = line.trim().split(/\s+/);
  const num = (s: string | undefined, def: number): number => (s === undefined || !Number.isFinite(Number(s)) ? def : Number(s));
  switch (cmd) {
    case '':
      return '';
    case 'drop':
      faults.dropAll({ closeFrame: true });
      return 'dropped (close frame)';
    case 'drop-hard':
      faults.dropAll();
      return 'dropped (no close frame)';
    case 'silence':
      faults.silence(a === 'forever' ? 'forever' : num(a, 5000));
      return `silenced ${a ?? 5000}`;
    case 'refuse':
      faults.refuseConnections(num(a, 10_000), b === '429' ? 429 : 503);
      return `refusing connections for ${num(a, 10_000)} ms`;
    case 'info': {
      const code = num(a, 20051);
      if (!isInfoCode(code)) return `error: info code must be 20051, 20060 or 20061`;
      faults.info(code);
      return `info ${code} sent`;
    }
    case 'maint-start':
    case 'maint-end':
      faults.maintenance(cmd === 'maint-start' ? 'start' : 'end');
      return cmd === 'maint-start' ? 'maintenance started' : 'maintenance ended';
    case 'corrupt-cs':
      faults.corruptNextChecksum();
      return 'next checksum corrupted';
    case 'skip-seq':
      faults.skipSequence();
      return 'next sequence skipped';
    case 'malformed':
      faults.sendMalformed(a === 'shape' ? 'shape' : 'json');
      return 'malformed frame sent';
    case 'reject-auth':
      faults.rejectAuth(num(a, 1), b === '10114' ? 10114 : 10100);
      return `rejecting the next ${num(a, 1)} auth attempt(s)`;
    case 'delay':
      faults.delayReplies(num(a, 0));
      return `delay ${num(a, 0)} ms`;
    case 'conns':
      return JSON.stringify(faults.connections());
    case 'help':
      return FAULT_COMMANDS_HELP;
    default:
      return `error: unknown command "${cmd}" (try help)`;
  }
}
