/**
 * The process's connection governor: one {@link governorMachine} actor per process (kept on
 * `globalThis` under a registered symbol, so the ESM and CommonJS builds and every system share
 * it), started on first use, and the budget options of a system resolved against it. Its
 * inspection events reach the inspector of every system that asked for one, so it shows in the
 * inspector next to that system's actors.
 *
 * @module
 */
import { createActor, type InspectionEvent } from 'xstate';
import { governorMachine, type GovernorActorRef } from '../../machines/governor.machine.js';
import type { SupervisorBudget } from '../../machines/supervisor.parts.js';
import { budgetKeyOf } from '../../machines/budget.js';
import { BITFINEX_CONNECTION_LIMITS, type ConnectionLimits } from '../defaults.js';
import type { BfxLogger } from '../logging/logger.js';

/** Options of the connection budget (`createBfxSystem({ connectionBudget })`). */
export interface ConnectionBudgetOptions extends Partial<ConnectionLimits> {
  /** How long an HTTP 429 at upgrade blocks the host (default 60 000 ms). */
  readonly blockMs?: number;
  /** Your own governor (`createActor(governorMachine).start()`); default the process's. */
  readonly governor?: GovernorActorRef;
}

interface Holder {
  readonly actor: GovernorActorRef;
  readonly inspectors: Set<(event: InspectionEvent) => void>;
}

const HOLDER_KEY = Symbol.for('bfx-actors.connection-governor.v1');

function holder(): Holder {
  const g = globalThis as { [HOLDER_KEY]?: Holder };
  let h = g[HOLDER_KEY];
  if (h === undefined) {
    const inspectors = new Set<(event: InspectionEvent) => void>();
    const actor = createActor(governorMachine, {
      systemId: 'bfx.governor',
      inspect: (event) => {
        for (const inspect of inspectors) inspect(event);
      },
    });
    actor.start();
    h = { actor, inspectors };
    g[HOLDER_KEY] = h;
  }
  return h;
}

/** The process's connection governor (started on first use). */
export function processGovernor(): GovernorActorRef {
  return holder().actor;
}

/** Show the process governor in `inspect` too; returns the undo. */
export function inspectGovernor(inspect: (event: InspectionEvent) => void): () => void {
  const { inspectors } = holder();
  inspectors.add(inspect);
  return () => void inspectors.delete(inspect);
}

/** The supervisor input for a system's budget options (`{}` when switched off). */
export function budgetInput(options: ConnectionBudgetOptions | false | undefined): { readonly budget?: SupervisorBudget } {
  if (options === false) return {};
  const budget: SupervisorBudget = {
    governor: options?.governor ?? processGovernor(),
    public: options?.public ?? BITFINEX_CONNECTION_LIMITS.public,
    auth: options?.auth ?? BITFINEX_CONNECTION_LIMITS.auth,
    ...(options?.blockMs === undefined ? {} : { blockMs: options.blockMs }),
  };
  return { budget };
}

/** A wait for the budget this long or longer is logged (info): the attempt is not silent. */
const LOGGED_WAIT_MS = 1_000;

/**
 * Log what the governor does to one system: its handshakes that waited for the budget (info) and
 * HTTP 429 blocks of its host (warn). Returns the undo.
 */
export function logBudget(governor: GovernorActorRef, group: string, url: string, log: BfxLogger): () => void {
  const key = budgetKeyOf(url);
  const granted = governor.on('budget.granted', (e) => {
    if (e.group === group && e.waitedMs >= LOGGED_WAIT_MS) log.info({ conn: e.requester, waitedMs: e.waitedMs, limit: e.kind }, 'handshake waited for the connection budget');
  });
  const blocked = governor.on('budget.blocked', (e) => {
    if (e.key === key) log.warn({ untilMs: e.untilMs }, 'HTTP 429 at upgrade: no new connection to this host until the block ends');
  });
  return () => {
    granted.unsubscribe();
    blocked.unsubscribe();
  };
}
