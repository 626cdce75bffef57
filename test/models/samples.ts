/**
 * Loads the captured frames of `../shared/samples/` (relative to the repo root).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The samples directory (`/work/shared/samples` next to the repo). */
export const SAMPLES_DIR = fileURLToPath(new URL('../../../shared/samples/', import.meta.url));

/** One sample file: `{kind, direction, sources, note, frames}`. */
export interface SampleFile {
  kind: string;
  direction: string;
  sources: unknown;
  note?: string;
  frames: unknown[];
}

/** Every sample file name (`*.json`), sorted. */
export function sampleNames(): string[] {
  return readdirSync(SAMPLES_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort();
}

/** The parsed sample file `name` (with or without `.json`). */
export function sampleFile(name: string): SampleFile {
  const file = name.endsWith('.json') ? name : `${name}.json`;
  return JSON.parse(readFileSync(SAMPLES_DIR + file, 'utf8')) as SampleFile;
}

/** The frames of sample `name`. */
export function frames(name: string): unknown[] {
  return sampleFile(name).frames;
}

/** Frame `i` of sample `name`, as an array. */
export function frame(name: string, i: number): unknown[] {
  const f = frames(name)[i];
  if (!Array.isArray(f)) throw new Error(`${name}[${i}] is not an array`);
  return f;
}

/** The payload (element 1) of a public WS frame `[chanId, payload, ...]`. */
export function payload(name: string, i: number): unknown[] {
  return frame(name, i)[1] as unknown[];
}

/** The data (element 2) of a frame `[chanId, event, data, ...]` (`te`, `os`, `n`, ...). */
export function eventData(name: string, i: number): unknown[] {
  return frame(name, i)[2] as unknown[];
}
