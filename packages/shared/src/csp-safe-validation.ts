import { config } from 'zod';

/**
 * Imported first by the pages the shells show, whose CSP forbids eval
 * (packages/shared/src/shell/hub-csp.ts): zod would otherwise probe `Function('')` at
 * its first object parse (to compile fast parsers), which the policy reports as a
 * violation. A side-effect module, so it runs before any other module parses anything.
 */
config({ jitless: true });
