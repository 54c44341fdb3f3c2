import { lstat } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { openSerialTestPort, type SerialTestPort } from './serial-test-port.js';
import { startSocatPtyPair, uniquePtyPaths, type SocatPtyPair } from './socat-pty-pair.js';
import { waitFor } from '../wait-for.js';

let pairs: SocatPtyPair[] = [];
let ports: SerialTestPort[] = [];
afterEach(async () => {
  await Promise.all(ports.map((port) => port.close()));
  await Promise.all(pairs.map((pair) => pair.stop()));
  ports = [];
  pairs = [];
});

const exists = (path: string) => lstat(path).then(() => true, () => false);

async function open(path: string): Promise<SerialTestPort> {
  const port = await openSerialTestPort(path);
  ports.push(port);
  return port;
}

describe('socat pty pair helper', () => {
  it('carries bytes both ways between the two links', async () => {
    const pair = await startSocatPtyPair();
    pairs.push(pair);
    const a = await open(pair.pathA);
    const b = await open(pair.pathB);
    await a.write(Buffer.from([0x02, 0x00, 0xff, 0x03]));
    await waitFor('bytes at B', () => b.received().length >= 4);
    await b.write('ok\r\n');
    await waitFor('bytes at A', () => a.received().length >= 4);
    expect([...b.received()]).toEqual([0x02, 0x00, 0xff, 0x03]);
    expect(a.received().toString()).toBe('ok\r\n');
  });

  it('removes both links on stop and can start again on the same paths', async () => {
    const paths = uniquePtyPaths('layso-helper');
    const first = await startSocatPtyPair({ paths });
    pairs.push(first);
    expect(first.pathA).toBe(paths.pathA);
    await first.stop();
    expect(await exists(paths.pathA)).toBe(false);
    expect(await exists(paths.pathB)).toBe(false);
    await first.stop();

    const second = await startSocatPtyPair({ paths });
    pairs.push(second);
    expect(await exists(paths.pathA)).toBe(true);
    expect(await exists(paths.pathB)).toBe(true);
  });

  it('gives every pair unique paths', () => {
    const one = uniquePtyPaths();
    const two = uniquePtyPaths();
    expect(new Set([one.pathA, one.pathB, two.pathA, two.pathB]).size).toBe(4);
  });
});
