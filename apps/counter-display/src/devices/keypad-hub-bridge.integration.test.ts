import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { KeypadHubBridge } from './keypad-hub-bridge.js';

interface RecordedRequest {
  method: string | undefined;
  url: string | undefined;
  headers: IncomingHttpHeaders;
  body: string;
}

let servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  servers = [];
});

/** A tiny stand-in hub on loopback: records every request and answers like the hub. */
async function startRecordingHub(): Promise<{ url: string; requests: RecordedRequest[] }> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      requests.push({ method: req.method, url: req.url, headers: req.headers, body });
      res.setHeader('content-type', 'application/json');
      if (req.url?.endsWith('/done')) {
        res.statusCode = 409;
        res.end(JSON.stringify({ error: { code: 'CONFLICT', message: 'nothing to finish' } }));
        return;
      }
      res.end(JSON.stringify({ ticket: req.url?.endsWith('/next') ? { number: '86001' } : null }));
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}

describe('KeypadHubBridge against a loopback hub', () => {
  it('posts each action to its counter command with the bearer token and a requestId', async () => {
    const hub = await startRecordingHub();
    const bridge = new KeypadHubBridge({ hubUrl: hub.url, token: 'secret-token', counter: 86 });

    const results = await Promise.all([
      bridge.send('next'),
      bridge.send('recall'),
      bridge.send('no-show'),
      bridge.send('done'),
    ]);

    expect(hub.requests.map((request) => [request.method, request.url])).toEqual([
      ['POST', '/api/counters/86/next'],
      ['POST', '/api/counters/86/recall'],
      ['POST', '/api/counters/86/skip'],
      ['POST', '/api/counters/86/done'],
    ]);
    for (const request of hub.requests) {
      expect(request.headers.authorization).toBe('Bearer secret-token');
      expect(request.headers['content-type']).toBe('application/json');
      expect(JSON.parse(request.body)).toEqual({ requestId: expect.stringMatching(/^keypad-86-[\w-]{36}$/) });
    }
    expect(new Set(hub.requests.map((request) => request.body)).size).toBe(4);

    expect(results[0]).toEqual({ ok: true, action: 'next', command: 'next', status: 200, body: { ticket: { number: '86001' } } });
    expect(results[2]).toMatchObject({ ok: true, action: 'no-show', command: 'skip' });
    expect(results[3]).toEqual({
      ok: false,
      action: 'done',
      command: 'done',
      status: 409,
      error: { code: 'CONFLICT', message: 'nothing to finish' },
    });
  });

  it('keeps a path prefix in the hub URL', async () => {
    const hub = await startRecordingHub();
    const bridge = new KeypadHubBridge({ hubUrl: `${hub.url}/layso/`, token: 't', counter: 7 });
    await bridge.send('next');
    expect(hub.requests.map((request) => request.url)).toEqual(['/layso/api/counters/7/next']);
  });

  it('reports a hub that is not listening as unreachable', async () => {
    const hub = await startRecordingHub();
    await new Promise((resolve) => servers.pop()!.close(resolve));
    const bridge = new KeypadHubBridge({ hubUrl: hub.url, token: 't', counter: 7 });
    expect(await bridge.send('next')).toMatchObject({ ok: false, status: null, error: { code: 'UNREACHABLE' } });
  });
});
