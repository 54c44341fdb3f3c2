import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/**
 * Import boundaries (docs/architecture.md). Each zone is one block: flat config lets a
 * later block REPLACE an earlier block's `@typescript-eslint/no-restricted-imports` for the same file, so
 * zones must not overlap — a file belongs to exactly one zone (use `ignores` to carve out).
 */
const HUB = 'apps/hub/src';
/** Hub feature folders: each owns its routes, service and store and exports one module. */
const HUB_FEATURES = ['devices', 'admin-auth', 'admin-config', 'notify', 'portal', 'rating', 'reports', 'backup', 'audit', 'central', 'queue-api', 'voice'];
const TESTS = ['**/*.test.ts', '**/*.test.tsx', '**/e2e/**', '**/testing/**'];

// typescript-eslint's version of the rule: the same patterns, plus `allowTypeImports`.
const zone = (files, patterns, ignores = TESTS) => ({
  files,
  ignores,
  rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] },
});
const refuse = (group, message, options = {}) => ({ group, message, ...options });

/** Code that runs in a browser window: the three renderers and the kiosk's local settings page. */
const RENDERERS = [
  'apps/kiosk/src/renderer/**/*.{ts,tsx}',
  'apps/kiosk/electron/settings-page.ts',
  'apps/counter-display/src/renderer/**/*.{ts,tsx}',
  'apps/counter-display/src/voice/**/*.ts',
  'apps/hub/admin/src/**/*.{ts,tsx}',
];
/** Every app, by package name and by path (packages/* must not reach into one). */
const APPS = ['@layso/hub', '@layso/hub/*', '@layso/central', '@layso/central/*', '@layso/kiosk', '@layso/kiosk/*', '@layso/counter-display', '@layso/counter-display/*', '**/apps/**'];

const QUEUE_CORE = [
  refuse(['better-sqlite3', 'socket.io', 'socket.io-client', 'node:*'], 'The queue core is pure: it talks to the QueueStore port, not to SQLite, sockets or Node.'),
  refuse(['**/store/**', '**/http/**', '**/realtime/**', '**/app/**', ...HUB_FEATURES.map((f) => `**/${f}/**`)], 'The queue core imports no store, transport, wiring or feature.'),
];

/** What every feature folder may not import: it reaches the HTTP framework only through its public files (routes, the module shape, body and field helpers, limiters). */
const FEATURE = [
  refuse(
    ['**/http/*', '!**/http/router*', '!**/http/hub-module*', '!**/http/read-json-body*', '!**/http/field-issue*', '!**/http/failure-limiter*', '!**/http/counter-access*'],
    'A feature uses the HTTP framework only through router, hub-module, read-json-body, field-issue, failure-limiter and counter-access; it throws DomainErrors, which http/api-error.ts maps to the wire in one place.',
  ),
  refuse(['**/app/**', '**/realtime/**'], 'A feature is wired by app/create-hub.ts and gets what it needs of the sockets as a port in its module deps; it imports neither.'),
];

const zones = [
  // The core: pure.
  zone([`${HUB}/queue/**/*.ts`], QUEUE_CORE),
  // The core's own unit tests run on the in-memory store (testing/memory-core.ts), with the
  // pure helpers of testing/ only; SQLite's side of the store contract is proven in store/
  // (sqlite-queue-store.contract.integration.test.ts).
  zone(
    [`${HUB}/queue/**/*.test.ts`],
    [
      ...QUEUE_CORE,
      refuse(
        ['**/testing/*', '!**/testing/memory-core*', '!**/testing/fake-clock*', '!**/testing/queue-helpers*', '!**/testing/test-center*', '@layso/hub/testing'],
        "The core's unit tests run on the in-memory store (testing/memory-core.ts), not on a database or a whole hub.",
      ),
    ],
    [],
  ),
  // Hub features built on the HTTP framework (docs/architecture.md, "Boundaries").
  zone(HUB_FEATURES.map((f) => `${HUB}/${f}/**/*.ts`), FEATURE),
  // The HTTP framework: router, request handling, errors, static files, limits. Features
  // import it and hand create-hub a HubModule; it knows no feature and no database.
  zone(
    [`${HUB}/http/**/*.ts`],
    [
      refuse(['better-sqlite3'], 'http/ is the framework: it knows no database (storage faults come in as a StorageFaultOf).'),
      refuse(['**/store/**', '**/app/**', ...HUB_FEATURES.map((f) => `**/${f}/**`)], 'http/ is the framework: it imports no store, wiring or feature; a feature imports it and hands create-hub a HubModule.'),
    ],
  ),
  // The other transport (realtime/), the database (store/) and the listener and CLI tooling
  // refuse with a DomainError (queue/domain-error.ts) too; the error mapping and the request
  // pipeline are the framework's own, wired by app/.
  zone([`${HUB}/realtime/**/*.ts`, `${HUB}/deploy/**/*.ts`, `${HUB}/cli/**/*.ts`, `${HUB}/store/**/*.ts`], [
    refuse(['**/http/api-error*', '**/http/request-handler*'], 'Throw a DomainError (queue/domain-error.ts); the HTTP framework maps it to the wire in one place, and app/ wires the request pipeline.'),
  ]),
  // Shared renderer code runs in every browser page (kiosk, counter screens, admin console), tests included.
  zone(
    ['packages/ui/**/*.ts', 'packages/ui/**/*.tsx'],
    [
      refuse(['electron', 'electron/*', 'node:*', '@layso/electron-shell', '@layso/electron-shell/*', '@layso/shared/node/*'], 'packages/ui runs in a browser page: no Electron, no Node, no main-process code.'),
      refuse(APPS, 'packages/ui imports no app: apps import it.'),
    ],
    [],
  ),
  zone(RENDERERS, [
    refuse(['electron', 'electron/*', 'node:*', 'serialport', 'better-sqlite3', '@layso/electron-shell', '@layso/electron-shell/*', '@layso/shared/node/*'], 'A renderer runs in the browser: no Electron, Node or main-process package; ask the shell through its bridge (window.laysoShell / the kiosk bridge).'),
    refuse(['**/main/**', '**/electron/**', '**/printer/**', '**/devices/**', '@layso/hub', '@layso/hub/*', '**/hub/src/**'], 'A renderer imports no main-process or server code, only its types (import type …, e.g. the bridge API).', { allowTypeImports: true }),
  ]),
  zone(['packages/shared/**/*.ts'], [
    refuse([...APPS, '@layso/electron-shell', '@layso/electron-shell/*', '@layso/ui', '@layso/ui/*'], 'packages/shared is the contract every app and package builds on: it imports no app, no shell package and no UI package.'),
  ]),
  zone(['packages/electron-shell/**/*.ts'], [
    refuse(['electron'], "Plain Node modules (require('electron') throws outside Electron): take Electron's objects as arguments, typed by the few calls used."),
    refuse(APPS, 'The shell package serves the apps; it imports none of them.'),
  ]),
];

/**
 * Production code of the hub imports no test support: `testing/` (and `@layso/hub/testing`)
 * is for `*.test.ts`, `*.integration.test.ts`, `e2e/` and bench. Every hub zone of
 * production code above refuses it too, and the hub files no zone above names form one
 * more zone, so this holds without zones overlapping.
 */
const TEST_SUPPORT = refuse(['**/testing', '**/testing/**', '@layso/hub/testing'], 'Production code imports no test support: apps/hub/src/testing is for tests, e2e and bench.');
const isHubZone = (z) => z.files.every((f) => f.startsWith(`${HUB}/`));
/** A zone of production code (its tests carved out), where TEST_SUPPORT applies. */
const isProductionZone = (z) => TESTS.every((t) => z.ignores.includes(t));
const zonePatterns = (z) => Object.values(z.rules)[0][1].patterns;
const withTestSupportRefused = (z) => zone(z.files, [...zonePatterns(z), TEST_SUPPORT], z.ignores);
const allZones = [
  ...zones.map((z) => (isHubZone(z) && isProductionZone(z) ? withTestSupportRefused(z) : z)),
  zone([`${HUB}/**/*.ts`], [TEST_SUPPORT], [...TESTS, ...zones.filter(isHubZone).flatMap((z) => z.files)]),
];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/dist-electron/**', '.data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
      'no-console': 'off',
    },
  },
  ...allZones,
);
