import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smsGatewayConfigSchema } from '@layso/shared';
import type { OutgoingMessage } from './ports.js';
import { createSmsGatewayAdapter } from './sms-gateway-adapter.js';

/** Gateways differ: the same adapter fills a URL query, a form body or a JSON body, each escaped for its place. */
describe('generic SMS gateway adapter', () => {
  const seen: { method: string; url: string; contentType: string | undefined; apiKey: string | undefined; body: string }[] = [];
  let status = 200;
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, contentType: req.headers['content-type'], apiKey: req.headers['x-api-key'] as string | undefined, body });
      res.writeHead(status).end('{}');
    });
  });
  let base = '';
  const message: OutgoingMessage = { dedupeKey: '7:near:sms', kind: 'near', recipient: '0912345678', text: 'So 86004 "sap" den luot & con 3', templateData: {} };
  const send = (config: object) => createSmsGatewayAdapter(smsGatewayConfigSchema.parse(config)).send(message, AbortSignal.timeout(5_000));

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('GET with the values in the query string', async () => {
    await send({ url: `${base}/send?to={phone}&msg={text}&ref={id}`, method: 'GET', headers: { 'X-Api-Key': 'k1' } });
    const request = seen.at(-1)!;
    expect(request.method).toBe('GET');
    expect(request.apiKey).toBe('k1');
    expect(Object.fromEntries(new URL(request.url, base).searchParams)).toEqual({ to: '0912345678', msg: message.text, ref: '7:near:sms' });
  });

  it('POST form body', async () => {
    await send({ url: `${base}/form`, contentType: 'application/x-www-form-urlencoded', bodyTemplate: 'Phone={phone}&Content={text}' });
    const request = seen.at(-1)!;
    expect(request.contentType).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(request.body))).toEqual({ Phone: '0912345678', Content: message.text });
  });

  it('POST JSON body (the default), quotes escaped', async () => {
    await send({ url: `${base}/json` });
    expect(JSON.parse(seen.at(-1)!.body)).toEqual({ phone: '0912345678', text: message.text, id: '7:near:sms' });
  });

  it('a non-2xx answer is a failure to retry', async () => {
    status = 500;
    await expect(send({ url: `${base}/json` })).rejects.toThrow('SMS gateway answered 500');
    status = 200;
  });
});
