import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ZnsRequest {
  phone: string;
  template_id: string;
  template_data: Record<string, string>;
  tracking_id: string;
}

/**
 * Loopback stand-in for Zalo's ZNS API and OAuth endpoint, with Zalo's answer shapes:
 * HTTP 200 and `{ error: 0 }` on success, `{ error: -124 }` for an expired access
 * token; refresh tokens are single-use and need the app's secret_key header.
 */
export class FakeZalo {
  validAccessToken = 'AT-expired-never-valid';
  validRefreshToken: string;
  refreshes = 0;
  readonly messages = new Map<string, ZnsRequest>();
  readonly problems: string[] = [];
  private readonly server = createServer((req, res) => void this.handle(req, res));

  constructor(
    readonly appId: string,
    readonly secretKey: string,
    refreshToken: string,
  ) {
    this.validRefreshToken = refreshToken;
  }

  async start(): Promise<{ apiUrl: string; oauthUrl: string }> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return { apiUrl: `${base}/message/template`, oauthUrl: `${base}/v4/oa/access_token` };
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const answer = (body: unknown) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'POST' && req.url === '/v4/oa/access_token') {
      const form = new URLSearchParams(text);
      if (req.headers['content-type'] !== 'application/x-www-form-urlencoded' || req.headers.secret_key !== this.secretKey) {
        this.problems.push('refresh without form body or secret_key');
        return answer({ error: -14003, error_name: 'Invalid secret key' });
      }
      if (form.get('app_id') !== this.appId || form.get('grant_type') !== 'refresh_token' || form.get('refresh_token') !== this.validRefreshToken) {
        this.problems.push(`bad refresh ${form.toString()}`);
        return answer({ error: -14014, error_name: 'Invalid refresh token' });
      }
      this.refreshes++;
      this.validAccessToken = `AT-${this.refreshes}`;
      this.validRefreshToken = `RT-${this.refreshes}`;
      return answer({ access_token: this.validAccessToken, refresh_token: this.validRefreshToken, expires_in: '90000' });
    }
    if (req.method === 'POST' && req.url === '/message/template') {
      if (req.headers.access_token !== this.validAccessToken) return answer({ error: -124, message: 'Access token is invalid' });
      const body = JSON.parse(text) as ZnsRequest;
      if (!/^84\d{9}$/.test(body.phone) || typeof body.template_id !== 'string' || typeof body.template_data !== 'object' || typeof body.tracking_id !== 'string') {
        this.problems.push(`bad body ${text}`);
        return answer({ error: -108, message: 'Phone number is invalid' });
      }
      if (!this.messages.has(body.tracking_id)) this.messages.set(body.tracking_id, body);
      return answer({ error: 0, message: 'Success', data: { msg_id: `m-${this.messages.size}` } });
    }
    res.writeHead(404).end();
  }
}
