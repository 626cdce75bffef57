/**
 * Test doubles for the data plane: a recording {@link SinkEmitter} and recording
 * {@link DataPlaneEvents}.
 */
import type { BfxError } from '../../src/errors.js';
import type { DataPlaneEvents } from '../../src/ws/contracts.js';
import type { BfxWsEventName, SinkEmitter } from '../../src/ws/events.js';

/** One recorded emit: the event name and its arguments. */
export interface Emitted {
  readonly event: BfxWsEventName;
  readonly args: readonly unknown[];
}

/** A {@link SinkEmitter} that records every call. */
export function recordingEmitter(): { emit: SinkEmitter; calls: Emitted[]; of(event: BfxWsEventName): unknown[][] } {
  const calls: Emitted[] = [];
  const emit: SinkEmitter = (event, ...args) => {
    calls.push({ event, args });
  };
  return { emit, calls, of: (event) => calls.filter((c) => c.event === event).map((c) => [...c.args]) };
}

/** Recording {@link DataPlaneEvents}. */
export interface RecordedEvents {
  readonly events: DataPlaneEvents;
  readonly controls: Record<string, unknown>[];
  readonly resyncs: { subId: string; reason: string }[];
  readonly gaps: { expected: number; received: number }[];
  readonly problems: BfxError[];
}

/** Create recording {@link DataPlaneEvents}. */
export function recordingEvents(): RecordedEvents {
  const controls: Record<string, unknown>[] = [];
  const resyncs: { subId: string; reason: string }[] = [];
  const gaps: { expected: number; received: number }[] = [];
  const problems: BfxError[] = [];
  return {
    controls,
    resyncs,
    gaps,
    problems,
    events: {
      control: (msg) => void controls.push(msg),
      resync: (subId, reason) => void resyncs.push({ subId, reason }),
      sequenceGap: (expected, received) => void gaps.push({ expected, received }),
      problem: (error) => void problems.push(error),
    },
  };
}
