import { maskRecipient } from './mask-recipient.js';
import type { ChannelAdapter } from './ports.js';

/**
 * The demo center's channel (`notify.demo`): it accepts every message at once without
 * anything leaving the hub, so the outbox marks it sent and the admin console's
 * notification list shows the reminder a real SMS gateway would have carried.
 */
export function createDemoChannelAdapter(log: (message: string) => void): ChannelAdapter {
  return {
    channel: 'demo',
    send: (message) => {
      log(`notify: demo channel "delivered" ${message.kind} to ${maskRecipient(message.recipient)}`);
      return Promise.resolve();
    },
  };
}
