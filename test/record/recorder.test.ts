/**
 * The recording format, byte for byte: what `recordingSocketFactory` writes for a scripted pair of
 * sockets (context lines once per turn and per connection switch, raw frames verbatim), what the
 * file sink puts on disk (plain, gzip, appended sessions), and what the reader makes of it.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import type { SocketFactory, SocketHandlers } from '../../src/platform/socket-types.js';
import { recordingSocketFactory, type RecordSink } from '../../src/record/recorder.js';
import { createFileRecordSink, parseRecording, readRecording } from '../../src/simulator/index.js';

const dir = mkdtempSync(join(tmpdir(), 'bfx-recorder-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A socket factory whose sockets the test drives; it records what the client side received. */
function scripted(): { factory: SocketFactory; sockets: SocketHandlers[] } {
  const sockets: SocketHandlers[] = [];
  return {
    sockets,
    factory: (_url, handlers) => {
      sockets.push(handlers);
      return { send: () => true, close: () => undefined, terminate: () => undefined };
    },
  };
}

const ACK_BOOK = '{"event":"subscribed","channel":"book","chanId":17,"symbol":"tBTCUSD","prec":"P0","freq":"F0","len":"25","pair":"BTCUSD"}';
const ACK_TRADES = '{"event":"subscribed","channel":"trades","chanId":17,"symbol":"tETHUSD","pair":"ETHUSD"}';

/** One scripted session over two sockets; returns the sink's writes and the frames the client got. */
async function session(sink: RecordSink): Promise<string[]> {
  const inner = scripted();
  const times = [1000, 1001, 1002, 1003, 1004];
  const factory = recordingSocketFactory(inner.factory, sink, { clock: () => times.shift() ?? 9999 });
  const received: string[] = [];
  const client: SocketHandlers = { onOpen: () => undefined, onMessage: (d) => received.push(d), onClose: () => undefined };
  factory('ws://127.0.0.1:9/ws/2', client);
  factory('ws://127.0.0.1:9/ws/2', client);
  const [a, b] = inner.sockets;
  a.onOpen();
  a.onMessage('{"event":"info","version":2}');
  await turn(); // t=1000
  a.onMessage(ACK_BOOK);
  a.onMessage('[17,[[86699,1,0.5]]]');
  b.onOpen();
  b.onMessage(ACK_TRADES);
  a.onMessage('[17,[86697,2,0.1]]');
  await turn(); // t=1001
  b.onMessage('[17,"te",\n[1,1700000000000,0.1,3000]]');
  b.onMessage('{"t":"odd"}');
  await turn(); // t=1002
  a.onClose(1000, 'bye "now"');
  await turn(); // t=1003
  return received;
}

describe('recordingSocketFactory', () => {
  it('writes one chunk per turn: a context line per connection switch, then every frame verbatim', async () => {
    const writes: string[] = [];
    const received = await session({ write: (lines) => writes.push(lines) });
    const c = Number(/"c":(\d+)/.exec(writes[0])?.[1]);
    const d = c + 1;
    expect(writes).toEqual([
      `{"t":1000,"c":${c},"k":"open","u":"ws://127.0.0.1:9/ws/2","v":2}\n{"event":"info","version":2}\n`,
      [
        `{"t":1001,"c":${c}}`,
        ACK_BOOK,
        '[17,[[86699,1,0.5]]]',
        `{"t":1001,"c":${d},"k":"open","u":"ws://127.0.0.1:9/ws/2","v":2}`,
        ACK_TRADES,
        `{"t":1001,"c":${c}}`,
        '[17,[86697,2,0.1]]',
        '',
      ].join('\n'),
      // A raw newline becomes a space; a frame that could pass for a context line is wrapped.
      `{"t":1002,"c":${d}}\n[17,"te", [1,1700000000000,0.1,3000]]\n{"t":1002,"c":${d},"d":{"t":"odd"}}\n`,
      `{"t":1003,"c":${c},"k":"close","code":1000,"reason":"bye \\"now\\""}\n`,
    ]);
    // The client got every frame unchanged.
    expect(received).toEqual([
      '{"event":"info","version":2}',
      ACK_BOOK,
      '[17,[[86699,1,0.5]]]',
      ACK_TRADES,
      '[17,[86697,2,0.1]]',
      '[17,"te",\n[1,1700000000000,0.1,3000]]',
      '{"t":"odd"}',
    ]);

    // The reader gives each chanId 17 frame to the subscription acked for it on its own connection.
    const rec = parseRecording(writes.join(''));
    expect([...rec.subs.keys()]).toEqual(['book:tBTCUSD:P0:F0:25', 'trades:tETHUSD']);
    expect(rec.subs.get('book:tBTCUSD:P0:F0:25')?.[0].frames.map((f) => [f.t, f.parts])).toEqual([
      [1001, [[[86699, 1, 0.5]]]],
      [1001, [[86697, 2, 0.1]]],
    ]);
    expect(rec.subs.get('trades:tETHUSD')?.[0]).toMatchObject({ conn: d, frames: [{ t: 1002, parts: ['te', [1, 1700000000000, 0.1, 3000]] }] });
    expect(rec.frames).toBe(3);
  });

  it('the reader still reads format 1 (one {"t","c","s","d"} line per frame)', () => {
    const text = [
      '{"t":5,"c":1,"k":"open","u":"ws://x"}',
      `{"t":6,"c":1,"d":${ACK_BOOK}}`,
      '{"t":7,"c":1,"s":"book:tBTCUSD:P0:F0:25","d":[17,[[86699,1,0.5]]]}',
      '{"t":8,"c":1,"s":"book:tBTCUSD:P0:F0:25","d":[17,"hb"]}',
      '{"t":9,"c":1,"s":"book:tBTCUSD:P0:F0:25","d":[17,[86697,2,0.1]]}',
      '',
    ].join('\n');
    const frames = parseRecording(text).subs.get('book:tBTCUSD:P0:F0:25')?.[0].frames;
    expect(frames?.map((f) => [f.t, f.parts])).toEqual([
      [7, [[[86699, 1, 0.5]]]],
      [9, [[86697, 2, 0.1]]],
    ]);
  });
});

describe('createFileRecordSink', () => {
  for (const ext of ['jsonl', 'jsonl.gz']) {
    it(`appends sessions to a .${ext} file as written; the reader keeps them apart`, async () => {
      const path = join(dir, `session.${ext}`);
      const expected: string[] = [];
      for (let i = 0; i < 2; i++) {
        const sink = createFileRecordSink(path);
        const writes: string[] = [];
        await session({ write: (lines) => (writes.push(lines), sink.write(lines)) });
        await sink.close();
        expect(sink.writes).toBe(writes.length);
        expected.push(...writes);
      }
      const bytes = readFileSync(path);
      // Each session appends one gzip member; gunzip reads them back to back.
      const text = ext.endsWith('.gz') ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8');
      expect(text).toBe(expected.join(''));
      const rec = readRecording(path);
      expect(rec.subs.get('book:tBTCUSD:P0:F0:25')).toHaveLength(2);
      expect(rec.frames).toBe(6);
    });
  }

  it('keeps every byte across full buffers, lines longer than the buffer and non-ASCII text', async () => {
    const path = join(dir, 'small-buffer.jsonl');
    const sink = createFileRecordSink(path, { bufferBytes: 1024 });
    const parts = ['{"event":"info","msg":"é € 😀"}\n', `[1,"${'x'.repeat(2000)}"]\n`];
    for (let i = 0; i < 300; i++) parts.push(`[17,[${i},1,0.5]]\n`);
    parts.push(`{"event":"x","s":"${'ü'.repeat(400)}"}\n`);
    for (const p of parts) sink.write(p);
    await sink.close();
    sink.write('[1,"after close"]\n');
    expect(readFileSync(path, 'utf8')).toBe(parts.join(''));
  });

  it('a connection number seen again on an open line starts a fresh connection', () => {
    const text = ['{"t":1,"c":1,"k":"open","u":"ws://x","v":2}', ACK_BOOK, '{"t":2,"c":1,"k":"open","u":"ws://x","v":2}', '[17,[1,1,1]]', ''].join('\n');
    expect(parseRecording(text).frames).toBe(0);
  });
});
