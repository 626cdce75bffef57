import { describe, expect, it, vi } from 'vitest';
import { BfxProtocolError } from '../../src/errors.js';
import { ConfFlag, type ChannelSink } from '../../src/ws/contracts.js';
import { createFrameRouter } from '../../src/ws/dataplane/router.js';
import { frames } from '../models/samples.js';
import { recordingEvents } from './fakes.js';

const { SEQ_ALL, TIMESTAMP } = ConfFlag;

function recordingSink(): ChannelSink & { payloads: unknown[][]; resets: number } {
  const sink = {
    payloads: [] as unknown[][],
    resets: 0,
    frame(payload: unknown[]) {
      sink.payloads.push(payload);
    },
    reset() {
      sink.resets++;
    },
  };
  return sink;
}

function setup(flags = 0) {
  const rec = recordingEvents();
  const router = createFrameRouter(rec.events);
  router.setFlags(flags);
  const sink = recordingSink();
  router.bind(5, sink);
  const account = recordingSink();
  router.bind(0, account);
  return { ...rec, router, sink, account };
}

describe('createFrameRouter', () => {
  it('sends objects to control and arrays to the bound sink, without chanId', () => {
    const { router, sink, controls, problems } = setup();
    router.handle('{"event":"info","version":2}');
    router.handle('[5,[1,2,3]]');
    router.handle('[5,"hb"]');
    router.handle('[5,"te",[1,2,3,4]]');
    router.handle('[5,[[1,2,3],[4,5,6]]]');
    expect(controls).toEqual([{ event: 'info', version: 2 }]);
    expect(sink.payloads).toEqual([[[1, 2, 3]], ['hb'], ['te', [1, 2, 3, 4]], [[[1, 2, 3], [4, 5, 6]]]]);
    expect(problems).toEqual([]);
  });

  const cases: { name: string; flags: number; frame: string; payload: unknown[]; seq?: number }[] = [
    { name: 'no flags', flags: 0, frame: '[5,[1,2,3]]', payload: [[1, 2, 3]] },
    { name: 'TIMESTAMP', flags: TIMESTAMP, frame: '[5,[1,2,3],1581721279360]', payload: [[1, 2, 3]] },
    { name: 'SEQ_ALL', flags: SEQ_ALL, frame: '[5,[1,2,3],7]', payload: [[1, 2, 3]], seq: 7 },
    { name: 'SEQ_ALL+TIMESTAMP', flags: SEQ_ALL | TIMESTAMP, frame: '[5,[1,2,3],7,1790134414850]', payload: [[1, 2, 3]], seq: 7 },
    { name: 'hb SEQ_ALL', flags: SEQ_ALL, frame: '[5,"hb",9]', payload: ['hb'], seq: 9 },
    { name: 'hb SEQ_ALL+TIMESTAMP', flags: SEQ_ALL | TIMESTAMP, frame: '[5,"hb",9,1790134414850]', payload: ['hb'], seq: 9 },
    { name: 'hb SEQ_ALL+TIMESTAMP without ts', flags: SEQ_ALL | TIMESTAMP, frame: '[5,"hb",9]', payload: ['hb'], seq: 9 },
    { name: 'hb TIMESTAMP', flags: TIMESTAMP, frame: '[5,"hb",1790134414850]', payload: ['hb'] },
    { name: 'cs SEQ_ALL', flags: SEQ_ALL, frame: '[5,"cs",-12,4]', payload: ['cs', -12], seq: 4 },
    { name: 'te SEQ_ALL+TIMESTAMP', flags: SEQ_ALL | TIMESTAMP, frame: '[5,"te",[1,2,3,4],3,1790134414850]', payload: ['te', [1, 2, 3, 4]], seq: 3 },
    { name: 'bulk SEQ_ALL+TIMESTAMP', flags: SEQ_ALL | TIMESTAMP, frame: '[5,[[1,0,1],[2,0,-1]],2,1790134414850]', payload: [[[1, 0, 1], [2, 0, -1]]], seq: 2 },
  ];
  for (const c of cases) {
    it(`strips trailing numbers: ${c.name}`, () => {
      const { router, sink, problems } = setup(c.flags);
      router.handle(c.frame);
      expect(sink.payloads).toEqual([c.payload]);
      expect(problems).toEqual([]);
      expect(router.lastSeq).toBe(c.seq ?? -1);
    });
  }

  it('channel 0: [0,TYPE,DATA,PUB_SEQ,AUTH_SEQ(,TS)], [0,"hb",PUB_SEQ], notifications without PUB_SEQ', () => {
    const { router, account, gaps, problems } = setup(SEQ_ALL);
    router.handle('[0,"os",[],1,1]');
    router.handle('[0,"hb",2]');
    router.handle('[0,"n",[1,"on-req"],7]');
    router.handle('[0,"on",[1,2],3,8]');
    expect(account.payloads).toEqual([['os', []], ['hb'], ['n', [1, 'on-req']], ['on', [1, 2]]]);
    expect(router.lastSeq).toBe(3);
    expect(gaps).toEqual([]);
    expect(problems).toEqual([]);

    const ts = setup(SEQ_ALL | TIMESTAMP);
    ts.router.handle('[0,"wu",["exchange","USD",1],1,1,1790134414850]');
    ts.router.handle('[0,"n",[1,"oc-req"],1,1790134414850]');
    ts.router.handle('[0,"hb",2,1790134414850]');
    expect(ts.account.payloads).toEqual([['wu', ['exchange', 'USD', 1]], ['n', [1, 'oc-req']], ['hb']]);
    expect(ts.router.lastSeq).toBe(2);
    expect(ts.gaps).toEqual([]);
    expect(ts.problems).toEqual([]);
  });

  it('audits SEQ_ALL across channels, hb and cs included, and reports gaps', () => {
    const { router, gaps } = setup(SEQ_ALL);
    router.handle('[5,[[1,1,1]],1]');
    router.handle('[99,"hb",2]'); // unknown chanId still counts
    router.handle('[5,"cs",1,3]');
    router.handle('[0,"hb",4]');
    expect(gaps).toEqual([]);
    router.handle('[5,[1,1,1],6]');
    expect(gaps).toEqual([{ expected: 5, received: 6 }]);
    router.handle('[5,[1,1,1],7]');
    router.handle('[5,[1,1,1],7]');
    expect(gaps).toEqual([
      { expected: 5, received: 6 },
      { expected: 8, received: 7 },
    ]);
  });

  it('the first sequence number after setFlags / reset is the baseline', () => {
    const { router, gaps, sink } = setup(SEQ_ALL);
    router.handle('[5,[1,1,1],40]');
    router.handle('[5,[1,1,1],41]');
    router.reset();
    router.bind(5, sink);
    router.handle('[5,[1,1,1],1]');
    router.setFlags(0);
    router.handle('[5,[1,1,1]]');
    router.setFlags(SEQ_ALL);
    router.handle('[5,[1,1,1],90]');
    expect(gaps).toEqual([]);
    expect(sink.payloads).toHaveLength(5);
  });

  it('sample frames route with the right payloads under their flags', () => {
    const rec = recordingEvents();
    const router = createFrameRouter(rec.events);
    const sinks = new Map<number, ReturnType<typeof recordingSink>>();
    for (const id of [288922, 853691, 198]) {
      const s = recordingSink();
      sinks.set(id, s);
      router.bind(id, s);
    }
    const [seqOnly, bulk, tsOnly] = frames('ws-flags-seq-timestamp-bulk').map((f) => JSON.stringify(f));
    router.setFlags(SEQ_ALL);
    router.handle(seqOnly);
    router.setFlags(SEQ_ALL | TIMESTAMP | ConfFlag.BULK_UPDATES);
    router.handle(bulk);
    router.setFlags(TIMESTAMP);
    router.handle(tsOnly);
    expect(sinks.get(288922)!.payloads).toEqual([[[86644, 0, 1]]]);
    expect(sinks.get(853691)!.payloads).toEqual([[[[86717, 0, 1], [86816, 0, -1], [86647, 3, 0.05388802], [86735, 1, -0.00047262]]]]);
    expect(sinks.get(198)!.payloads).toEqual([[[10335, 2, 1.25]]]);
    expect(rec.problems).toEqual([]);
  });

  it('drops and counts frames for unknown or unbound chanIds', () => {
    const { router, sink, problems } = setup();
    router.handle('[77,[1,2,3]]');
    router.unbind(5);
    router.handle('[5,[1,2,3]]');
    expect(sink.payloads).toEqual([]);
    expect(router.dropped).toBe(2);
    expect(problems).toEqual([]);
  });

  it('reports malformed input and keeps going, never throwing', () => {
    const { router, sink, problems } = setup(SEQ_ALL);
    const bad = ['not json', '', '[', '42', 'null', '"text"', '[]', '["x",[1]]', '[5]', '[5,7]', '[5,"te"]', '[5,[1,2,3]]', '[5,[1,2,3],"x"]'];
    for (const data of bad) expect(() => router.handle(data)).not.toThrow();
    router.handle('[5,[9,9,9],1]');
    expect(problems).toHaveLength(bad.length);
    for (const p of problems) expect(p).toBeInstanceOf(BfxProtocolError);
    expect(problems[0].code).toBe('ERR_BFX_PROTOCOL');
    // frames missing only their sequence number are still delivered
    expect(sink.payloads).toEqual([[[1, 2, 3]], [[1, 2, 3]], [[9, 9, 9]]]);
    expect(router.malformed).toBe(bad.length);
  });

  it('a sink or control handler that throws becomes a problem', () => {
    const rec = recordingEvents();
    const router = createFrameRouter({
      ...rec.events,
      control: () => {
        throw new Error('control broke');
      },
    });
    router.bind(1, {
      frame: () => {
        throw new Error('sink broke');
      },
      reset: () => {},
    });
    expect(() => router.handle('{"event":"info"}')).not.toThrow();
    expect(() => router.handle('[1,[1]]')).not.toThrow();
    expect(rec.problems.map((p) => p.message)).toEqual([
      expect.stringContaining('control broke'),
      expect.stringContaining('sink broke'),
    ]);
  });

  it('a throwing problem handler does not escape', () => {
    const router = createFrameRouter({
      control: () => {},
      resync: () => {},
      sequenceGap: () => {},
      problem: () => {
        throw new Error('nope');
      },
    });
    expect(() => router.handle('garbage')).not.toThrow();
  });

  it('stamps lastFrameAt once per event-loop turn', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const { router } = setup();
      expect(router.lastFrameAt).toBe(0);
      vi.setSystemTime(1_000);
      router.handle('[5,"hb"]');
      expect(router.lastFrameAt).toBe(1_000);
      vi.setSystemTime(2_000);
      router.handle('[5,"hb"]');
      expect(router.lastFrameAt).toBe(1_000);
      await Promise.resolve();
      router.handle('garbage');
      expect(router.lastFrameAt).toBe(2_000);
      expect(router.frames).toBe(3);
    } finally {
      vi.useRealTimers();
    }
  });
});
