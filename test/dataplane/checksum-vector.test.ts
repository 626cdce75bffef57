import { describe, expect, it } from 'vitest';
import { ChecksumError } from '../../src/errors.js';
import { ConfFlag, type Subscription } from '../../src/ws/contracts.js';
import { createFrameRouter } from '../../src/ws/dataplane/router.js';
import { createChannelSink } from '../../src/ws/dataplane/sinks.js';
import { sampleFile } from '../models/samples.js';
import { recordingEmitter, recordingEvents } from './fakes.js';

const vector = sampleFile('ws-book-checksum-vector') as ReturnType<typeof sampleFile> & {
  expected_checksum_after_update: number;
  computed_checksum_of_snapshot_only: number;
};
const wire = vector.frames.map((f) => JSON.stringify(f));
const sub: Subscription = { subId: 'xrp', channel: 'book', symbol: 'tXRPBTC', prec: 'P0', freq: 'F0', len: '25' };

function run(frames: readonly string[], flags: number = ConfFlag.OB_CHECKSUM) {
  const out = recordingEmitter();
  const rec = recordingEvents();
  const router = createFrameRouter(rec.events);
  router.setFlags(flags);
  const sink = createChannelSink(sub, out.emit, rec.events, { checksum: true, manageBook: true });
  router.bind(81757, sink);
  for (const f of frames) router.handle(f);
  return { ...out, ...rec, sink };
}

describe('checksum test vector (tXRPBTC P0) through router + sink', () => {
  it('re-serialised frames keep the exact number tokens', () => {
    expect(wire[1]).toContain('7e-7');
    expect(wire[1]).toContain('0.0000011');
  });

  it('snapshot alone checksums to the computed value', () => {
    const { sink } = run(wire.slice(0, 2));
    expect(sink.book!.checksum()).toBe(vector.computed_checksum_of_snapshot_only);
  });

  it('snapshot + update, then the server cs frame matches', () => {
    const { of, resyncs, problems, controls, sink } = run(wire);
    expect(controls).toEqual([vector.frames[0]]);
    expect(of('checksum')).toEqual([[sub, vector.expected_checksum_after_update]]);
    expect(of('checksum_mismatch')).toEqual([]);
    expect(resyncs).toEqual([]);
    expect(problems).toEqual([]);
    expect(sink.book!.checksum()).toBe(-1175357890);
    expect(sink.book!.bestBid()).toEqual({ price: 0.0000011, count: 12, amount: 266122.94 });
  });

  it('a corrupted cs triggers checksum_mismatch and a resync, once until the next snapshot', () => {
    const corrupted = '[81757,"cs",12345]';
    const { of, resyncs, sink } = run([...wire, corrupted, corrupted]);
    const mismatches = of('checksum_mismatch');
    expect(mismatches).toHaveLength(1);
    const [s, error] = mismatches[0] as [Subscription, ChecksumError];
    expect(s).toBe(sub);
    expect(error).toBeInstanceOf(ChecksumError);
    expect(error.code).toBe('ERR_BFX_CHECKSUM');
    expect(error).toMatchObject({ subId: 'xrp', expected: 12345, actual: -1175357890 });
    expect(resyncs).toEqual([{ subId: 'xrp', reason: 'checksum' }]);

    // resubscribe: reset, fresh snapshot, matching cs again; a new mismatch is reported again
    sink.reset();
    const router = createFrameRouter(recordingEvents().events);
    router.bind(81757, sink);
    for (const f of wire.slice(1)) router.handle(f);
    expect(resyncs).toHaveLength(1);
    router.handle(corrupted);
    expect(resyncs).toHaveLength(2);
  });

  it('verification also works with SEQ_ALL + TIMESTAMP trailing numbers', () => {
    const withSeq = wire.slice(1).map((f, i) => `${f.slice(0, -1)},${i + 1},1790134414850]`);
    const { of, resyncs, gaps } = run(withSeq, ConfFlag.OB_CHECKSUM | ConfFlag.SEQ_ALL | ConfFlag.TIMESTAMP);
    expect(of('checksum')).toEqual([[sub, -1175357890]]);
    expect(resyncs).toEqual([]);
    expect(gaps).toEqual([]);
  });
});
