/**
 * `npm run size -- [--no-build] [--files] [--top N] [--without NAME=REGEX ...]`: where the bytes
 * of a browser app's bundle come from. Builds the unbundled ESM (`tsc -p tsconfig.build.json`,
 * skipped with `--no-build`), then bundles the two app modules of test/package/pack.test.ts with
 * its esbuild options (test/package/packed.ts: browser, esm, minify; the package resolved through
 * `node_modules/bfx-actors`, so its `exports` and `browser` fields apply) and prints, per folder
 * (per file with `--files`):
 *
 * - `min`: minified bytes in the output (esbuild's metafile `bytesInOutput`);
 * - `-gz`: how many gzipped bytes the bundle loses when that part's output is cut out (gzip is not
 *   additive: a part that repeats strings found elsewhere costs less than its share).
 *
 * `--without NAME=REGEX` (repeatable) adds, per bundle, the gzipped bytes saved by cutting every
 * source whose path matches REGEX (e.g. `--without 'account=ws/account|machines/account'`): what
 * making that feature opt-in would save at most.
 *
 * The output is attributed to its sources through the bundle's source map.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { APP_SOURCES, appBuildOptions } from '../test/package/packed.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const args = process.argv.slice(2);
const perFile = args.includes('--files');
const topAt = args.indexOf('--top');
const top = topAt >= 0 ? Number(args[topAt + 1]) : 40;
const cuts = args.flatMap((a, i) => (args[i - 1] === '--without' ? [a] : [])).map((a) => {
  const eq = a.indexOf('=');
  return { name: a.slice(0, eq), pattern: new RegExp(a.slice(eq + 1)) };
});

const gz = (s: string | Uint8Array): number => gzipSync(s, { level: 9 }).byteLength;

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** Source index of every output character (-1: not mapped), from a v3 source map. */
function ownerOfEachChar(code: string, mappings: string): Int32Array {
  const owner = new Int32Array(code.length).fill(-1);
  const lineStarts = [0];
  for (let i = 0; i < code.length; i++) if (code[i] === '\n') lineStarts.push(i + 1);
  let src = 0;
  let line = 0;
  let prev = { at: -1, src: -1 };
  const close = (end: number): void => {
    if (prev.at >= 0) owner.fill(prev.src, prev.at, end);
  };
  for (const lineText of mappings.split(';')) {
    let col = 0;
    for (const seg of lineText.split(',')) {
      if (!seg) continue;
      const values: number[] = [];
      let value = 0;
      let shift = 0;
      for (const ch of seg) {
        const digit = B64.indexOf(ch);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      col += values[0]!;
      if (values.length > 1) src += values[1]!;
      const at = lineStarts[line]! + col;
      close(at);
      prev = { at, src: values.length > 1 ? src : -1 };
    }
    line++;
  }
  close(code.length);
  return owner;
}

/** `node_modules/xstate/dist/x.js` → `xstate`; `dist/esm/src/rest/client.js` → `src/rest`. */
function groupOf(file: string): string {
  const nm = file.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = file.slice(nm + 'node_modules/'.length).split('/');
    const pkg = rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
    return perFile ? `${pkg}/${rest.slice(rest[0]!.startsWith('@') ? 2 : 1).join('/')}` : pkg;
  }
  // Metafile inputs are dist/esm/**/*.js, source-map sources the src/**/*.ts they came from.
  const local = file.replace(/^.*?dist\/esm\//, '').replace(/^(\.\.\/)+/, '').replace(/\.(js|ts)$/, '');
  if (perFile) return local;
  const parts = local.split('/');
  return parts.slice(0, Math.max(1, parts.length - 1)).join('/') || local;
}

async function measure(work: string, name: string, source: string): Promise<void> {
  const entry = join(work, `${name}.mjs`);
  writeFileSync(entry, source);
  const result = await build({ ...appBuildOptions(work, entry), sourcemap: 'external', outdir: join(work, 'out') });
  const js = result.outputFiles.find((f) => f.path.endsWith('.js'))!;
  const map = JSON.parse(result.outputFiles.find((f) => f.path.endsWith('.map'))!.text) as { sources: string[]; mappings: string };
  const code = js.text;
  const full = gz(js.contents);
  const output = Object.values(result.metafile.outputs).find((o) => o.entryPoint)!;

  const min = new Map<string, number>();
  for (const [file, v] of Object.entries(output.inputs)) {
    if (v.bytesInOutput > 0) min.set(groupOf(file), (min.get(groupOf(file)) ?? 0) + v.bytesInOutput);
  }
  const owner = ownerOfEachChar(code, map.mappings);
  const paths = map.sources.map((s) => relative(work, join(work, 'out', s)));
  const groupOfSource = paths.map(groupOf);
  const cutOut = (isCut: (source: number) => boolean): number => {
    let kept = '';
    let from = 0;
    for (let i = 0; i <= code.length; i++) {
      const mine = i < code.length && owner[i]! >= 0 && isCut(owner[i]!);
      if (mine && from >= 0) {
        kept += code.slice(from, i);
        from = -1;
      } else if (!mine && from < 0) from = i;
    }
    if (from >= 0) kept += code.slice(from);
    return full - gz(kept);
  };
  const without = (group: string): number => cutOut((src) => groupOfSource[src] === group);

  console.log(`\n${name}: ${code.length} B min, ${full} B gz (${(full / 1024).toFixed(1)} KB)`);
  const rows = [...min.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
  const width = Math.max(4, ...rows.map(([g]) => g.length));
  if (rows.length > 0) console.log(`  ${'part'.padEnd(width)}  ${'min'.padStart(7)}  ${'-gz'.padStart(6)}`);
  for (const [group, bytes] of rows) console.log(`  ${group.padEnd(width)}  ${String(bytes).padStart(7)}  ${String(without(group)).padStart(6)}`);
  for (const { name: cut, pattern } of cuts) {
    const matched = paths.filter((p) => pattern.test(p)).length;
    console.log(`  without ${cut} (${matched} files): -${cutOut((src) => pattern.test(paths[src]!))} B gz`);
  }
}

if (!args.includes('--no-build')) execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
const work = join(root, '.size-report');
rmSync(work, { recursive: true, force: true });
mkdirSync(join(work, 'node_modules'), { recursive: true });
symlinkSync(root, join(work, 'node_modules', 'bfx-actors'), 'dir');
try {
  for (const [name, source] of Object.entries(APP_SOURCES)) await measure(work, name, source);
} finally {
  rmSync(work, { recursive: true, force: true });
}
