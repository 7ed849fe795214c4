// Bundles the command line (src/cli/index.ts and the core it uses) into dist/cli.cjs for
// bin/scorecard.js. Run by `npm ci` through the "prepare" script; exceljs stays a runtime dependency.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

await build({
  entryPoints: [path.join(root, 'src/cli/index.ts')],
  outfile: path.join(root, 'dist/cli.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['exceljs'],
  sourcemap: true,
  logLevel: 'warning',
});
