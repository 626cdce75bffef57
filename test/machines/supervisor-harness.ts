/** A supervisor over fake sockets, recording what it emits. */
import { createActor } from 'xstate';
import { connectionMachine } from '../../machines/connection.machine.js';
import type { SupervisorEmitted } from '../../machines/emitted.js';
import { supervisorMachine, type SupervisorInput } from '../../machines/supervisor.machine.js';
import { createFakeSockets, type FakeSockets } from './fake-socket.js';

export const tick = () => new Promise((r) => setTimeout(r, 0));

export function startSupervisor(input: Partial<SupervisorInput> = {}, sockets: FakeSockets = createFakeSockets({ auto: true })) {
  const machine = supervisorMachine.provide({
    actors: { connection: connectionMachine.provide({ actors: { socket: sockets.logic } }) },
  });
  const prefix = input.prefix ?? 'bfx.';
  const actor = createActor(machine, { input: { url: 'ws://fake', prefix, eager: true, ...input }, systemId: `${prefix}supervisor` });
  const emitted: SupervisorEmitted[] = [];
  actor.on('*', (e) => void emitted.push(e));
  actor.start();
  return { actor, emitted, sockets };
}

/** Acks per connection index, in index order. */
export function ackedOn(emitted: readonly SupervisorEmitted[]): number[] {
  const by = new Map<number, number>();
  for (const e of emitted) if (e.type === 'subscription.acked') by.set(e.index, (by.get(e.index) ?? 0) + 1);
  return [...by.entries()].sort(([a], [b]) => a - b).map(([, n]) => n);
}

export const rejections = (emitted: readonly SupervisorEmitted[]) => emitted.filter((e) => e.type === 'subscription.rejected');
