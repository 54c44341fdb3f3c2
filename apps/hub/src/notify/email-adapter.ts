import nodemailer from 'nodemailer';
import type { z } from 'zod';
import type { emailConfigSchema } from '@layso/shared';
import type { ChannelAdapter } from './ports.js';

export type EmailConfig = z.infer<typeof emailConfigSchema>;

/**
 * E-mail over SMTP with nodemailer, accented text. The Message-ID is derived from the
 * dedupe key, so a message resent after a restart carries the same id and mail
 * systems (and our tests) can recognise the duplicate.
 */
export function createEmailAdapter(config: EmailConfig): ChannelAdapter & { close(): void } {
  const transport = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure,
    ...(config.user ? { auth: { user: config.user, pass: config.pass ?? '' } } : {}),
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
  return {
    channel: 'email',
    async send(message, signal) {
      signal.throwIfAborted();
      await transport.sendMail({
        from: config.from,
        to: message.recipient,
        subject: config.subject,
        text: message.text,
        messageId: `<${message.dedupeKey.replaceAll(':', '.')}@layso>`,
      });
    },
    close: () => transport.close(),
  };
}
