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
   * zlib level, 1 (fastest, the default: about a quarter of level 6's CPU for ~15 % more bytes on
   * book streams) to 9.
   */
  readonly gzipLevel?: number;
  /** Buffer size in bytes (default 256 Ki): lines go to the file when it is full or after `flushMs`. */
  readonly bufferBytes?: number;
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
  const flushMs = options.flushMs ?? 200;
  // Each write is encoded at once into one buffer (one native call; the string can die young
  // instead of waiting in a list for the next flush), which goes to the stream when full.
  const capacity = Math.max(1024, options.bufferBytes ?? 262_144);
  let buffer = Buffer.allocUnsafe(capacity);
  let size = 0;
  let writes = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed: Promise<void> | undefined;
  file.on('error', () => undefined);
  const flush = (): void => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (size === 0) return;
    out.write(buffer.subarray(0, size));
    buffer = Buffer.allocUnsafe(capacity);
    size = 0;
  };
  return {
    get writes() {
      return writes;
    },
    write(lines) {
      if (closed) return;
      writes++;
      // UTF-8 takes at most 3 bytes per UTF-16 unit.
      if (size + lines.length * 3 > capacity) {
        flush();
        if (lines.length * 3 > capacity) {
          out.write(lines);
          return;
        }
      }
      size += buffer.write(lines, size);
      if (timer === undefined) {
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
