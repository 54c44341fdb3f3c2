/**
 * zod for the main-process modules.
 *
 * STOPGAP: apps/counter-display/package.json does not list zod yet, so a bare
 * `import 'zod'` does not resolve from this package under pnpm. Until the lead adds
 * `"zod": "~4.6.7"` to its dependencies, this borrows the copy installed for
 * @layso/shared (same version). Then replace the line below with
 * `export { z } from 'zod';` — every other module imports zod from here only.
 */
export { z } from '../../../../packages/shared/node_modules/zod/index.js';
