/**
 * Builds and packs the package as npm would publish it and installs the tarball into
 * `.pack-test/node_modules/bfx-actors` (next to the repo's node_modules, so its dependencies
 * resolve). Also: bundle-size measurement of an app importing the installed package.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type BuildOptions } from 'esbuild';

/** The repository root. */
export const root = fileURLToPath(new URL('../../', import.meta.url));

/** A packed and installed copy of the package. */
export interface Packed {
  /** Folder of the test app (its node_modules holds the package). */
  readonly work: string;
  /** The installed package folder. */
  readonly installed: string;
  /** The tarball npm produced. */
  readonly tarball: string;
  /** Removes everything. */
  cleanup(): void;
}

/** `npm run build`, `npm pack`, extract into `<root>/.pack-test`. */
export function packAndInstall(): Packed {
  const work = join(root, '.pack-test');
  const installed = join(work, 'node_modules', 'bfx-actors');
  const tarballs = join(work, 'tarball');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(installed, { recursive: true });
  mkdirSync(tarballs, { recursive: true });
  // Build first, then pack without lifecycle scripts so stdout holds only npm's JSON.
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
  const out = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', tarballs], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const tarball = join(tarballs, (JSON.parse(out) as { filename: string }[])[0].filename);
  execFileSync('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1']);
  return { work, installed, tarball, cleanup: () => rmSync(work, { recursive: true, force: true }) };
}

/** Size of an app's browser bundle (minified), raw and gzipped, in bytes. */
export interface BundleSize {
  readonly bytes: number;
  readonly gzipBytes: number;
  /** Every input file that contributed bytes to the bundle. */
  readonly inputs: readonly string[];
}

/** The app modules the size checks bundle: what each imports from the package. */
export const APP_SOURCES = {
  restOnly: `export { createRestClient } from 'bfx-actors';\n`,
  system: `export { createBfxSystem, createRestClient } from 'bfx-actors';\n`,
} as const;

/** esbuild options of an app's browser bundle (`entry` in `work`), as a user's bundler would build it. */
export function appBuildOptions(work: string, entry: string): BuildOptions & { write: false; metafile: true } {
  return {
    entryPoints: [entry],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    minify: true,
    write: false,
    metafile: true,
    logLevel: 'silent',
    // An app with no TypeScript config of its own: without this, esbuild applies the repository's
    // tsconfig.json (an ancestor of the work folder), whose `paths` map 'bfx-actors' to src/*.ts,
    // and the bundle would measure the sources instead of the installed package.
    tsconfigRaw: {},
    absWorkingDir: work,
  };
}

/** Bundle `source` (an app module importing the installed package) for browsers and measure it. */
export async function browserBundleSize(work: string, name: string, source: string): Promise<BundleSize> {
  const entry = join(work, `${name}.mjs`);
  writeFileSync(entry, source);
  const result = await build(appBuildOptions(work, entry));
  const code = result.outputFiles[0]!.contents;
  const output = Object.values(result.metafile.outputs)[0]!;
  const inputs = Object.entries(output.inputs).filter(([, v]) => v.bytesInOutput > 0).map(([k]) => k);
  return { bytes: code.byteLength, gzipBytes: gzipSync(code, { level: 9 }).byteLength, inputs };
}
