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
  /**
   * zlib level, 1 (fastest, the default: about a third of level 6's CPU for ~15 % more bytes on
   * book streams) to 9.
   */
  readonly gzipLevel?: number;
  /** Flush buffered lines once they reach this many characters (default 256 Ki) or after `flushMs`. */
  readonly bufferChars?: number;
  /** Longest time a line waits in the buffer (default 200 ms). */
  readonly flushMs?: number;
}

/** A file sink; `close()` flushes and closes the file. */
export interface FileRecordSink extends RecordSink {
  /** `write` calls so far (the recorder makes one per event-loop turn with frames). */
  readonly writes: number;
  /** Flush the buffer now. */
  flush(): void;
  /** Flush and close; resolves when the file is complete on disk. */
  close(): Promise<void>;
}

/** Append recorded lines to `path`. */
export function createFileRecordSink(path: string, options: FileRecordSinkOptions = {}): FileRecordSink {
  const file: WriteStream = createWriteStream(path, { flags: 'a' });
  const gzip: Gzip | undefined = (options.gzip ?? path.endsWith('.gz')) ? createGzip({ level: options.gzipLevel ?? 1 }) : undefined;
  if (gzip) gzip.pipe(file);
  const out = gzip ?? file;
  const limit = options.bufferChars ?? 262_144;
  const flushMs = options.flushMs ?? 200;
  // Chunks (one per event-loop turn from the recorder) joined at flush: no string growing per write.
  const chunks: string[] = [];
  let size = 0;
  let writes = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed: Promise<void> | undefined;
  file.on('error', () => undefined);
  const flush = (): void => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (size === 0) return;
    out.write(chunks.length === 1 ? chunks[0] : chunks.join(''));
    chunks.length = 0;
    size = 0;
  };
  return {
    get writes() {
      return writes;
    },
    write(lines) {
      if (closed) return;
      chunks.push(lines);
      size += lines.length;
      writes++;
      if (size >= limit) flush();
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
