import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', simulator: 'src/simulator/index.ts', 'bfx-sim': 'src/simulator/cli.ts' },
  format: ['esm', 'cjs'],
  dts: { entry: { index: 'src/index.ts', simulator: 'src/simulator/index.ts' } },
  sourcemap: true,
  clean: true,
  target: 'node20',
  outDir: 'dist',
  splitting: true,
});
