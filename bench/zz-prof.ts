import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createTokens } from './lib/tokens.js';
import { call, keepAliveAgent } from './lib/http-client.js';
import { freePort } from './lib/hub-process.js';

const dir = mkdtempSync('/tmp/prof/data-');
const port = await freePort();
const child = spawn(process.execPath, ['--import', 'tsx', 'bench/zz-hub.ts', String(port), dir, process.argv[3] ?? 'FULL'], { cwd: '/work/main', stdio: 'inherit' });
for (;;) { try { const r = await call({ port, agent: keepAliveAgent() }, 'GET', '/api/health'); if (r.status === 200) break; } catch {} await new Promise((r) => setTimeout(r, 200)); }
const tokens = createTokens(dir, Array.from({ length: 16 }, () => ({ role: 'kiosk' as const })));
const catalog = JSON.parse((await call({ port, agent: keepAliveAgent() }, 'GET', '/api/catalog')).text);
const services: string[] = catalog.areas.flatMap((a: any) => a.services.map((s: any) => s.id));
let n = 0; const total = Number(process.argv[2] ?? 8000);
const t0 = Date.now();
await Promise.all(tokens.map(async (token, k) => { const agent = keepAliveAgent(); while (n < total) { const i = n++; const r = await call({ port, agent }, 'POST', '/api/tickets', { token, body: JSON.stringify({ serviceId: services[i % services.length], requestId: `req-${k}-${i}-xxxxxxxx` }) }); if (r.status !== 201 && i < 5) console.log(r.status, r.text); } }));
console.log('rate', Math.round(total / ((Date.now() - t0) / 1000)), '/s');
child.kill('SIGINT');
await new Promise((r) => child.once('exit', r));
