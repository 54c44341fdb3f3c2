import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_CENTER } from '../demo/demo-center.js';
import { eventually } from '../notify/testing/notify-test-hub.js';
import { startTestHub, type TestHub } from '../testing/start-test-hub.js';
import { createLogger } from './hub-logger.js';

/**
 * A real path where personal data reaches a log line: a mail server that refuses the
 * recipient echoes the address in its answer, nodemailer puts that answer in its error,
 * and the notification worker logs the error as the reason of the failed attempt.
 */
describe('personal data in what the hub logs (real SMTP refusal, the hub logger)', { timeout: 30_000 }, () => {
  let hub: TestHub | undefined;
  let smtp: SMTPServer | undefined;
  afterEach(async () => {
    await hub?.stop();
    await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  });

  it("a refused recipient's address in the server's answer is masked on the logged line", async () => {
    smtp = new SMTPServer({
      disabledCommands: ['STARTTLS', 'AUTH'],
      onRcptTo: (address, _session, callback) => callback(Object.assign(new Error(`<${address.address}>: Recipient address rejected`), { responseCode: 550 })),
    });
    await new Promise<void>((resolve) => smtp!.listen(0, '127.0.0.1', () => resolve()));
    const port = (smtp.server.address() as AddressInfo).port;
    const lines: string[] = [];
    const logger = createLogger({ writeLog: (text) => lines.push(text) });
    hub = await startTestHub({
      config: { ...DEMO_CENTER, notify: { email: { host: '127.0.0.1', port, from: 'TTPVHCC <layso@center.gov.vn>' } } },
      notifyRetry: { baseMs: 20, maxMs: 50 },
      log: logger.log,
    });
    const booked = hub.bookings.book({ bookingRef: 'QN-2026-000009', serviceId: 'cong-an-xnc', contact: { name: 'Nguyễn Văn An', email: 'an.nguyen@example.vn', phone: '0903123456' } });
    hub.publish(booked.events);
    await eventually(() => lines.some((l) => l.includes('Recipient address rejected')), 'the failed attempt logged');
    const text = lines.join('');
    expect(text).toContain('a***@example.vn>: Recipient address rejected');
    expect(text).not.toContain('an.nguyen@example.vn');
    expect(text).not.toContain('0903123456');
    expect(text).not.toContain('Nguyễn Văn An');
    for (const line of text.split('\n').filter(Boolean)) expect(line).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+07:00 (INFO |WARN |ERROR) /);
  });
});
