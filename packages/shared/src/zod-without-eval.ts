import { z } from 'zod';

// The hub serves every page with a Content-Security-Policy that has no 'unsafe-eval'.
// zod compiles object schemas with `new Function` when it may, and its probe for that
// is reported as a CSP violation even though zod catches the refusal and falls back.
// In a page (any document) zod runs interpreted: the screens' payloads are small. The
// hub (Node, no document) keeps zod's compiled parsers. zod decides when a schema is
// built, at module load: each page's entry imports this module first, so it runs
// before any other module builds one.
if ('document' in globalThis) z.config({ jitless: true });
