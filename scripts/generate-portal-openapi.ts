// Writes docs/portal-openapi.json from the shared zod schemas (checked by a test).
import { writeFileSync } from 'node:fs';
import { buildPortalOpenApi } from '../apps/hub/src/portal/portal-openapi.js';

const target = new URL('../docs/portal-openapi.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(buildPortalOpenApi(), null, 2)}\n`);
console.log(`wrote ${target.pathname}`);
