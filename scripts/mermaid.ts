/**
 * Renders an XState v5 machine as a Mermaid `stateDiagram-v2`, from its definition alone
 * (`machine.root`): compound, parallel and final states, initial states, and every transition
 * with a target, labelled with its event (`after <delay>`, `always`, `done: <actor>`,
 * `error: <actor>` for the built-in ones) and its guard in brackets. Transitions without a
 * target (actions only) change no state and are not drawn.
 *
 * @module
 */

/** The parts of an XState state node this renderer reads. */
export interface ChartNode {
  readonly key: string;
  readonly id: string;
  readonly type: 'atomic' | 'compound' | 'parallel' | 'final' | 'history';
  readonly states: Readonly<Record<string, ChartNode>>;
  readonly initial?: { readonly target: readonly ChartNode[] } | undefined;
  readonly transitions: ReadonlyMap<string, readonly ChartTransition[]>;
  readonly always?: readonly ChartTransition[] | undefined;
}

/** The parts of an XState transition definition this renderer reads. */
export interface ChartTransition {
  readonly eventType: string;
  readonly target?: readonly ChartNode[] | undefined;
  readonly guard?: unknown;
}

/** Anything with a root state node (an XState `StateMachine`). */
export interface ChartMachine {
  readonly id: string;
  readonly root: ChartNode;
}

/** Whether `value` looks like an XState machine. */
export function isMachine(value: unknown): value is ChartMachine {
  const v = value as { root?: { states?: unknown; transitions?: unknown }; id?: unknown } | null;
  return typeof v === 'object' && v !== null && typeof v.id === 'string' && typeof v.root?.states === 'object' && v.root.transitions instanceof Map;
}

/** A Mermaid-safe id for a state node (its XState id, dots and other signs as `_`). */
const nodeId = (node: ChartNode): string => node.id.replace(/[^A-Za-z0-9_]/g, '_');

/** A readable name for a guard: its type, `!g`, `a && b`, `a || b`, or `inline`. */
export function guardLabel(guard: unknown): string | undefined {
  if (guard === undefined || guard === null) return undefined;
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'function') {
    const g = guard as { name?: string; guards?: unknown[] };
    if (Array.isArray(g.guards)) {
      const parts = g.guards.map((x) => guardLabel(x) ?? '?');
      if (g.name === 'not') return `!${parts[0]}`;
      if (g.name === 'and') return parts.join(' && ');
      if (g.name === 'or') return parts.join(' || ');
    }
    return g.name && g.name !== 'guard' ? g.name : 'inline';
  }
  if (typeof guard === 'object' && typeof (guard as { type?: unknown }).type === 'string') return (guard as { type: string }).type;
  return 'inline';
}

/** A readable event label: built-in XState events shortened. */
export function eventLabel(eventType: string): string {
  const after = /^xstate\.after\.([^.]+)\./.exec(eventType);
  if (after) return `after ${/^\d+$/.test(after[1]) ? `${after[1]} ms` : after[1]}`;
  const done = /^xstate\.done\.actor\.(.+)$/.exec(eventType);
  if (done) return `done: ${done[1]}`;
  const error = /^xstate\.error\.actor\.(.+)$/.exec(eventType);
  if (error) return `error: ${error[1]}`;
  if (/^xstate\.done\.state\./.test(eventType)) return 'done';
  return eventType === '' ? 'always' : eventType;
}

/** Mermaid labels may not hold `:` or `;` after the first colon, nor `#`. */
const safe = (text: string): string => text.replace(/[;#]/g, ',').replace(/:/g, '∶');

function renderChildren(node: ChartNode, depth: number, out: string[], edges: string[]): void {
  const pad = '  '.repeat(depth);
  Object.values(node.states).forEach((child, i) => {
    if (node.type === 'parallel' && i > 0) out.push(`${pad}--`);
    out.push(`${pad}state "${child.key}" as ${nodeId(child)}`);
    if (Object.keys(child.states).length > 0) {
      out.push(`${pad}state ${nodeId(child)} {`);
      renderChildren(child, depth + 1, out, edges);
      out.push(`${pad}}`);
    } else {
      edgesOfNode(child, edges);
    }
    if (child.type === 'final') edges.push(`${nodeId(child)} --> [*]`);
  });
  if (node.type !== 'parallel' && node.initial && node.initial.target.length > 0) out.push(`${pad}[*] --> ${nodeId(node.initial.target[0])}`);
  edgesOfNode(node, edges);
}

function edgesOfNode(node: ChartNode, edges: string[]): void {
  for (const [eventType, transitions] of node.transitions) edgesOf(node, eventType, transitions, edges);
  if (node.always) edgesOf(node, '', node.always, edges);
}

function edgesOf(node: ChartNode, eventType: string, transitions: readonly ChartTransition[], edges: string[]): void {
  for (const t of transitions) {
    if (!t.target || t.target.length === 0) continue;
    const guard = guardLabel(t.guard);
    const label = safe(`${eventLabel(eventType)}${guard ? ` [${guard}]` : ''}`);
    for (const target of t.target) edges.push(`${nodeId(node)} --> ${nodeId(target)} : ${label}`);
  }
}

/** The machine as a Mermaid `stateDiagram-v2` (deterministic: definition order throughout). */
export function toMermaid(machine: ChartMachine): string {
  const root = machine.root;
  const body: string[] = [`[*] --> ${nodeId(root)}`, `state "${root.key}" as ${nodeId(root)}`, `state ${nodeId(root)} {`];
  const edges: string[] = [];
  renderChildren(root, 1, body, edges);
  body.push('}');
  if (root.type === 'final') edges.push(`${nodeId(root)} --> [*]`);
  const lines = ['stateDiagram-v2', `  %% ${machine.id}: generated from the machine definition by npm run charts`];
  const seen = new Set<string>();
  for (const line of [...body, ...edges]) {
    if (seen.has(line)) continue;
    seen.add(line);
    lines.push(`  ${line}`);
  }
  return `${lines.join('\n')}\n`;
}
