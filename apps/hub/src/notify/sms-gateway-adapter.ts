import type { z } from 'zod';
import type { smsGatewayConfigSchema } from '@layso/shared';
import type { ChannelAdapter, OutgoingMessage } from './ports.js';

export type SmsGatewayConfig = z.infer<typeof smsGatewayConfigSchema>;

/** Fills {phone}, {text} and {id}, each escaped for where it goes (URL, JSON or form body). */
function fill(template: string, message: OutgoingMessage, escape: (value: string) => string): string {
  const values: Record<string, string> = { phone: message.recipient, text: message.text, id: message.dedupeKey };
  return template.replace(/\{(phone|text|id)\}/g, (_, key: string) => escape(values[key]!));
}

const jsonEscape = (value: string) => JSON.stringify(value).slice(1, -1);

/**
 * A generic HTTP SMS gateway (Viettel, VNPT, FPT and the like all take "a URL, a key
 * and a body"): the center describes its gateway in center.json; any 2xx is success.
 * {id} carries the message's dedupe key so a gateway can drop a resend.
 */
export function createSmsGatewayAdapter(config: SmsGatewayConfig, doFetch: typeof fetch = fetch): ChannelAdapter {
  return {
    channel: 'sms',
    async send(message, signal) {
      const url = fill(config.url, message, encodeURIComponent);
      const hasBody = config.method !== 'GET';
      const body = hasBody ? fill(config.bodyTemplate, message, config.contentType === 'application/json' ? jsonEscape : encodeURIComponent) : undefined;
      const response = await doFetch(url, {
        method: config.method,
        headers: { ...(hasBody ? { 'Content-Type': config.contentType } : {}), ...config.headers },
        ...(body !== undefined ? { body } : {}),
        signal,
      });
      await response.body?.cancel();
      if (!response.ok) throw new Error(`SMS gateway answered ${response.status}`);
    },
  };
}
