import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', 'simulator/cli': 'src/simulator/cli.ts' },
  format: ['esm', 'cjs'],
  dts: { entry: { index: 'src/index.ts' } },
  sourcemap: true,
  clean: true,
  target: 'node20',
  outDir: 'dist',
});
