/**
 * Refreshes vendor/electron-builder-scheme.json, the JSON schema electron-builder
 * validates its configuration with, from the app-builder-lib package of the version
 * the installers are built with (descriptions stripped: 360 KB → 80 KB):
 *
 *   cd /tmp && npm pack app-builder-lib@26.17.0 && tar xzf app-builder-lib-26.17.0.tgz
 *   npx tsx apps/hub/scripts/vendor-electron-builder-schema.ts /tmp/package
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

type Schema = Record<string, unknown>;

/** Removes documentation keywords from a schema node, walking only into places that hold schemas. */
function strip(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(strip);
  if (node === null || typeof node !== 'object') return;
  const schema = node as Schema;
  delete schema.description;
  delete schema.markdownDescription;
  // `properties` maps names to schemas: a property may itself be called "description".
  for (const key of ['definitions', 'properties', 'patternProperties']) {
    const map = schema[key] as Record<string, unknown> | undefined;
    if (map) Object.values(map).forEach(strip);
  }
  for (const key of ['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains', 'propertyNames']) strip(schema[key]);
  for (const key of ['anyOf', 'oneOf', 'allOf']) strip(schema[key]);
}

const packageDir = process.argv[2];
if (!packageDir) {
  console.error('usage: vendor-electron-builder-schema.ts <unpacked app-builder-lib folder>');
  process.exit(1);
}
const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string };
const schema = JSON.parse(readFileSync(join(packageDir, 'scheme.json'), 'utf8')) as Schema;
strip(schema);
const out = fileURLToPath(new URL('./vendor/electron-builder-scheme.json', import.meta.url));
writeFileSync(out, `${JSON.stringify({ $comment: `app-builder-lib ${version} scheme.json (MIT), descriptions stripped by apps/hub/scripts/vendor-electron-builder-schema.ts`, ...schema })}\n`);
console.log(`wrote ${out} from app-builder-lib ${version}`);
