/**
 * The state-chart pictures: the Mermaid generator renders a machine's structure faithfully, and the
 * committed docs/charts/*.mmd files and README section are what `npm run charts` gives now.
 */
import { and, not, setup } from 'xstate';
import { describe, expect, it } from 'vitest';
import { staleCharts, renderCharts } from '../../scripts/charts.js';
import { toMermaid } from '../../scripts/mermaid.js';

const sample = setup({
  types: { events: {} as { type: 'GO' } | { type: 'STOP' } | { type: 'FAIL' } },
  guards: { ready: () => true, allowed: () => true },
  delays: { wait: 100 },
}).createMachine({
  id: 'sample',
  initial: 'idle',
  states: {
    idle: { on: { GO: { target: 'busy', guard: and(['ready', not('allowed')]) } } },
    busy: {
      type: 'parallel',
      on: { STOP: 'done' },
      states: {
        left: { initial: 'a', states: { a: { after: { wait: 'b' } }, b: {} } },
        right: { initial: 'x', states: { x: { always: { target: 'y', guard: 'ready' } }, y: { on: { FAIL: '#sample.failed' } } } },
      },
    },
    failed: { type: 'final' },
    done: { type: 'final' },
  },
});

describe('the Mermaid generator', () => {
  const text = toMermaid(sample);
  it('draws states, nesting, parallel regions, initial and final states', () => {
    expect(text.startsWith('stateDiagram-v2\n')).toBe(true);
    expect(text).toContain('[*] --> sample_idle');
    expect(text).toMatch(/state sample_busy \{\n\s+state "left" as sample_busy_left\n\s+state sample_busy_left \{/);
    expect(text).toMatch(/\n\s+--\n\s+state "right" as sample_busy_right/);
    expect(text).toContain('[*] --> sample_busy_left_a');
    expect(text).toContain('sample_failed --> [*]');
    expect(text).toContain('sample_done --> [*]');
  });
  it('labels transitions with events, delays, always and guards', () => {
    expect(text).toContain('sample_idle --> sample_busy : GO [ready && !allowed]');
    expect(text).toContain('sample_busy_left_a --> sample_busy_left_b : after wait');
    expect(text).toContain('sample_busy_right_x --> sample_busy_right_y : always [ready]');
    expect(text).toContain('sample_busy_right_y --> sample_failed : FAIL');
    expect(text).toContain('sample_busy --> sample_done : STOP');
  });
});

describe('committed charts', () => {
  it('cover every exported machine', () => {
    expect([...renderCharts().keys()]).toEqual(expect.arrayContaining(['connection.mmd', 'supervisor.mmd', 'subscription.mmd']));
  });
  it('are up to date with the machines (run `npm run charts` after changing one)', () => {
    expect(staleCharts()).toEqual([]);
  });
});
