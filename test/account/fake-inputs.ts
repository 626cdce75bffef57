/**
 * The authenticated inputs on a fake socket: frames sent are collected in `sent`, and sending while
 * the state is not `authenticated` throws as a just-closed socket would. Cids count up from
 * `firstCid + 1`; an input waits 1 s for its notification.
 */
import { createInputs, type InputPolicy, type InputsConnectionState } from '../../src/ws/account/inputs.js';
import type { OrderLookup } from '../../src/ws/account/recovery.js';

export interface FakeInputsOptions {
  readonly policy: InputPolicy;
  readonly firstCid: number;
  readonly initial?: InputsConnectionState;
  readonly recoveryMs?: number;
  readonly lookup?: OrderLookup;
}

export function inputsOnFakeSocket(o: FakeInputsOptions) {
  const sent: unknown[][] = [];
  let state: InputsConnectionState = o.initial ?? 'authenticated';
  let cid = o.firstCid;
  const inputs = createInputs({
    send: (f) => {
      if (state !== 'authenticated') throw new Error('socket closed');
      sent.push(f);
    },
    state: () => state,
    timeoutMs: 1000,
    policy: o.policy,
    nextCid: () => ++cid,
    recoveryMs: o.recoveryMs,
    lookup: o.lookup,
  });
  return { inputs, sent, setState: (s: InputsConnectionState): void => void (state = s) };
}
