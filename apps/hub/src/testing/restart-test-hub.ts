import { startHub } from '../app/create-hub.js';
import { wrapTestHub, type TestHub } from './start-test-hub.js';

/**
 * Hub restarts for recovery tests (a board must come back by itself after the hub
 * restarts): stop a test hub without deleting its data, then start a new hub on
 * the same data folder, port and configuration. Device tokens live in the database,
 * so pages provisioned before the restart keep working.
 */
export async function stopTestHubKeepingData(hub: TestHub, graceMs = 5_000): Promise<void> {
  // The hub stops listening at once, but Hub.close() then waits for every open HTTP
  // connection (io.close → httpServer.close), and a browser's preconnected socket
  // that never sent a request can hold it for a minute. The port and data are free
  // to reuse before that, so do not wait longer than `graceMs`.
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([hub.close(), new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)))]);
  clearTimeout(timer);
}

/** Starts a new hub where `previous` (stopped with stopTestHubKeepingData) ran. */
export async function startTestHubAgain(previous: TestHub): Promise<TestHub> {
  const logs: string[] = [];
  const hub = await startHub({
    host: '127.0.0.1',
    log: (message) => logs.push(message),
    dataDir: previous.dataDir,
    port: previous.port,
    config: previous.core.config,
  });
  return wrapTestHub(hub, previous.dataDir, logs);
}

/** Stop, then start again at once. */
export async function restartTestHub(hub: TestHub): Promise<TestHub> {
  await stopTestHubKeepingData(hub);
  return startTestHubAgain(hub);
}
