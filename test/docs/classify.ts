/**
 * Sorts TypeDoc warnings into what the documentation check fails on and what it lets pass:
 * members of inferred types (`…__type…` expansions of xstate and model generics, declared in no
 * source file of ours) and members declared in `machines/` (being rewritten; their TSDoc is
 * tracked separately and reported).
 */

/**
 * Members of single-line type literals in `src/ws/` (comments there are only added, never
 * reformatted, while that folder is rewritten). TypeDoc reads a member's comment only when the
 * member starts its own line, so these wait for the rewrite.
 */
export const PENDING_WS: readonly string[] = [
  'OrderRef.__type.cid',
  'OrderRef.__type.cidDate',
  'OrderRef.__type.id',
  'WsClient.connections.__type.index',
  'WsClient.connections.__type.state',
  'WsClientOptions.inputs.__type.policy',
  'WsClientOptions.inputs.__type.timeoutMs',
  'CandlesParams.key',
  'StatusParams.key',
  'TickerParams.symbol',
  'TradesParams.symbol',
  'HandleMessage.__type.args',
  'HandleMessage.__type.event',
];

/** Classified TypeDoc output. */
export interface DocsReport {
  /** Warnings the check fails on. */
  readonly failing: readonly string[];
  /** Undocumented members declared in `machines/`. */
  readonly machines: readonly string[];
  /** Undocumented members of inferred types that no source file declares. */
  readonly inferred: readonly string[];
  /** Undocumented members listed in {@link PENDING_WS}. */
  readonly pendingWs: readonly string[];
}

const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g");
const UNDOCUMENTED = /^\[warning\] (\S+) \((\w+)\), defined in bfx-actors\/([^,]*), does not have any documentation$/;

/** Classify TypeDoc's output lines. */
export function classifyTypedoc(output: string): DocsReport {
  const failing: string[] = [];
  const machines: string[] = [];
  const inferred: string[] = [];
  const pendingWs: string[] = [];
  for (const raw of output.split('\n')) {
    const line = raw.replace(ANSI, '').trim();
    if (!line.startsWith('[warning]') && !line.startsWith('[error]')) continue;
    if (/^\[warning\] Found \d+ errors and \d+ warnings$/.test(line)) continue;
    const m = UNDOCUMENTED.exec(line);
    if (m) {
      const [, name, , file] = m;
      if (file.startsWith('src/ws/') && PENDING_WS.includes(name)) {
        pendingWs.push(line);
        continue;
      }
      if (file.startsWith('machines/')) {
        machines.push(line);
        continue;
      }
      if (name.includes('.__type.') && (file === '' || file.startsWith('node_modules/'))) {
        inferred.push(line);
        continue;
      }
    }
    failing.push(line);
  }
  return { failing, machines, inferred, pendingWs };
}
