/**
 * Production build of the hub into apps/hub/dist/ (or --out DIR):
 *   npx tsx apps/hub/scripts/build-hub.ts [--out DIR] [--no-web] [--no-deps]
 * Run `pnpm build:web` first (the renderers are part of the release). The work is in
 * src/deploy/build-hub.ts, where the type check and the tests see it.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildHub } from '../src/deploy/build-hub.js';

const { values } = parseArgs({
  options: { out: { type: 'string' }, 'no-web': { type: 'boolean', default: false }, 'no-deps': { type: 'boolean', default: false } },
});
const outDir = values.out ? resolve(values.out) : fileURLToPath(new URL('../dist/', import.meta.url));
try {
  const result = await buildHub({ outDir, web: !values['no-web'], deps: !values['no-deps'] });
  const deps = Object.entries(result.dependencies).map(([name, version]) => `${name}@${version}`);
  console.log(`layso hub ${result.version} built in ${outDir}\n  runtime dependencies: ${deps.join(', ')}${values['no-deps'] ? ' (not copied: run `npm install --omit=dev` there)' : ' (in node_modules/)'}`);
} catch (error) {
  console.error(`build failed: ${(error as Error).message}`);
  process.exit(1);
}
