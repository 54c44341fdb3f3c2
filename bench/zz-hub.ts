import { startHub } from '../apps/hub/src/app/create-hub.js';
const [port, dir, sync] = process.argv.slice(2);
const hub = await startHub({ dataDir: dir!, port: Number(port), host: '127.0.0.1', log: () => {} });
hub.db.pragma(`synchronous = ${sync}`);
console.log('ready', hub.db.pragma('synchronous', { simple: true }));
process.on('SIGINT', () => void hub.close().then(() => process.exit(0)));
