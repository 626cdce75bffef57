import { defineConfig } from 'tsup';

/**
 * CommonJS bundles (and their `.d.cts` types) for `require()` users. The ESM build is not bundled:
 * `tsc -p tsconfig.build.json` emits one module per source file into dist/esm, so bundlers drop
 * every module an app does not import (`"sideEffects": false`).
 */
export default defineConfig({
  entry: { index: 'src/index.ts', simulator: 'src/simulator/index.ts' },
  format: ['cjs'],
  dts: true,
  sourcemap: true,
  clean: false,
  target: 'node20',
  outDir: 'dist',
  splitting: false,
});
