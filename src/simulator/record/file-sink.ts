/**
 * A Node file sink for {@link recordingSocketFactory}: appends lines to a file (never
 * truncates), optionally gzip-compressed, batching writes so recording stays cheap.
 *
 * @module
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { createGzip, type Gzip } from 'node:zlib';
import type { RecordSink } from '../../record/recorder.js';

/** Options of {@link createFileRecordSink}. */
export interface FileRecordSinkOptions {
  /** Gzip the file (default: when the path ends in `.gz`). Each session appends one gzip member. */
  readonly gzip?: boolean;
  /** Flush buffered lines once they reach this many characters (default 256 Ki) or after `flushMs`. */
  readonly bufferChars?: number;
  /** Longest time a line waits in the buffer (default 200 ms). */
  readonly flushMs?: number;
}

/** A file sink; `close()` flushes and closes the file. */
export interface FileRecordSink extends RecordSink {
  /** Lines written so far. */
  readonly lines: number;
  /** Flush the buffer now. */
  flush(): void;
  /** Flush and close; resolves when the file is complete on disk. */
  close(): Promise<void>;
}

/** Append recorded lines to `path`. */
export function createFileRecordSink(path: string, options: FileRecordSinkOptions = {}): FileRecordSink {
  const file: WriteStream = createWriteStream(path, { flags: 'a' });
  const gzip: Gzip | undefined = (options.gzip ?? path.endsWith('.gz')) ? createGzip() : undefined;
  if (gzip) gzip.pipe(file);
  const out = gzip ?? file;
  const limit = options.bufferChars ?? 262_144;
  const flushMs = options.flushMs ?? 200;
  let buffer = '';
  let lines = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed: Promise<void> | undefined;
  file.on('error', () => undefined);
  const flush = (): void => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (buffer.length === 0) return;
    out.write(buffer);
    buffer = '';
  };
  return {
    get lines() {
      return lines;
    },
    write(line) {
      if (closed) return;
      buffer += line;
      lines++;
      if (buffer.length >= limit) flush();
      else if (timer === undefined) {
        timer = setTimeout(flush, flushMs);
        timer.unref?.();
      }
    },
    flush,
    close() {
      closed ??= new Promise<void>((resolve) => {
        flush();
        file.once('close', () => resolve());
        out.end();
      });
      return closed;
    },
  };
}
