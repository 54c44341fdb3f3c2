import { z } from 'zod';

/**
 * Citizen notifications (docs/notifications.md): reminders "sắp đến lượt", "đã đến
 * lượt", "số đã hết hạn" and the online booking confirmation, sent by SMS (a generic
 * HTTP gateway), e-mail (SMTP) or Zalo ZNS. Every channel is optional: a center with
 * no `notify` section sends nothing and keeps working as before.
 */

/** A Vietnamese mobile number: 0xxxxxxxxx, 84xxxxxxxxx or +84xxxxxxxxx (spaces, dots and dashes allowed). */
export const VN_MOBILE = /^(?:0|\+?84)([35789]\d{8})$/;

/** "0912 345 678" / "+84912345678" → "0912345678"; null when it is not a Vietnamese mobile number. */
export function normalizeVnPhone(text: string): string | null {
  const match = VN_MOBILE.exec(text.replace(/[\s.-]/g, ''));
  return match ? `0${match[1]}` : null;
}

export const vnPhoneSchema = z
  .string()
  .max(20)
  .transform((text, ctx) => {
    const phone = normalizeVnPhone(text);
    if (phone === null) {
      ctx.addIssue({ code: 'custom', message: 'must be a Vietnamese mobile number (0912345678)' });
      return z.NEVER;
    }
    return phone;
  });

export const subscribeRequestSchema = z.strictObject({ phone: vnPhoneSchema });
export type SubscribeRequest = z.input<typeof subscribeRequestSchema>;
export const subscribeResponseSchema = z.object({ subscribed: z.literal(true), phone: z.string() });

const rateSchema = z.number().int().min(1).max(6000).default(60);
const urlSchema = z.url({ protocol: /^https?$/ });

/** A generic SMS gateway: {phone}, {text} and {id} (the message's dedupe key) are filled in. */
export const smsGatewayConfigSchema = z.strictObject({
  url: urlSchema,
  method: z.enum(['POST', 'PUT', 'GET']).default('POST'),
  contentType: z.enum(['application/json', 'application/x-www-form-urlencoded']).default('application/json'),
  bodyTemplate: z.string().max(2_000).default('{"phone":"{phone}","text":"{text}","id":"{id}"}'),
  /** E.g. { "Authorization": "Bearer …" } or the gateway's API-key header. */
  headers: z.record(z.string().min(1).max(100), z.string().max(2_000)).default({}),
  ratePerMinute: rateSchema,
});

export const emailConfigSchema = z.strictObject({
  host: z.string().min(1).max(255),
  port: z.number().int().min(1).max(65_535).default(587),
  /** true = TLS from the first byte (465); false = STARTTLS when the server offers it. */
  secure: z.boolean().default(false),
  user: z.string().max(255).optional(),
  pass: z.string().max(1_000).optional(),
  from: z.string().min(3).max(255),
  subject: z.string().max(200).default('Trung tâm Phục vụ hành chính công'),
  ratePerMinute: rateSchema,
});

export const NOTIFICATION_KINDS = ['booking', 'near', 'called', 'expired'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Zalo Notification Service (ZNS) template messages by phone number. */
export const zaloConfigSchema = z.strictObject({
  apiUrl: urlSchema.default('https://business.openapi.zalo.me/message/template'),
  oauthUrl: urlSchema.default('https://oauth.zaloapp.com/v4/oa/access_token'),
  appId: z.string().min(1).max(100),
  secretKey: z.string().min(1).max(500),
  /** The first tokens; refreshed tokens are kept in the hub's database from then on. */
  accessToken: z.string().min(1).max(2_000),
  refreshToken: z.string().min(1).max(2_000),
  /** The approved ZNS template id for each kind; a kind without one is not sent by Zalo. */
  templates: z.partialRecord(z.enum(NOTIFICATION_KINDS), z.string().min(1).max(50)).default({}),
  ratePerMinute: rateSchema,
});

/**
 * The demo center's channel: nothing leaves the hub, the message is marked sent in the
 * outbox so the admin console's notification list shows the whole path end to end.
 */
export const demoChannelConfigSchema = z.strictObject({ ratePerMinute: rateSchema });

export const notifyConfigSchema = z.strictObject({
  /** "Sắp đến lượt" is sent when this many people or fewer are ahead. */
  remindAhead: z.number().int().min(0).max(50).default(3),
  /** Which channel carries messages to a phone number. */
  phoneChannel: z.enum(['sms', 'zalo', 'demo']).default('sms'),
  /** A message that failed this many times is given up (status failed). */
  maxAttempts: z.number().int().min(1).max(50).default(8),
  sms: smsGatewayConfigSchema.optional(),
  email: emailConfigSchema.optional(),
  zalo: zaloConfigSchema.optional(),
  demo: demoChannelConfigSchema.optional(),
});
export type NotifyConfig = z.infer<typeof notifyConfigSchema>;
export type NotifyConfigInput = z.input<typeof notifyConfigSchema>;
export const DEFAULT_NOTIFY_CONFIG: NotifyConfig = { remindAhead: 3, phoneChannel: 'sms', maxAttempts: 8 };

export const CHANNELS = ['sms', 'email', 'zalo', 'demo'] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * GET /api/tickets/:day/:number/reminder (public): whether the page may offer a
 * reminder (only through a configured channel), and whether this ticket has one.
 * No secrets, no full phone number.
 */
export const reminderStatusSchema = z.object({
  offer: z
    .object({
      channel: z.enum(['sms', 'zalo', 'demo']),
      /** "Sắp đến lượt" goes when this many people or fewer are ahead. */
      remindAhead: z.number().int().min(0),
      /** How long the number is kept (Decree 13/2023): the hub's personal-data retention. */
      keepDays: z.number().int().min(1),
    })
    .nullable(),
  registered: z.object({ channel: z.enum(['sms', 'zalo', 'demo']), phone: z.string() }).nullable(),
});
export type ReminderStatus = z.infer<typeof reminderStatusSchema>;
export const NOTIFICATION_STATUSES = ['pending', 'sent', 'failed', 'cancelled'] as const;

/** GET /api/notifications (admin): one row per message, recipients masked. */
export const notificationViewSchema = z.object({
  id: z.number().int(),
  ticketId: z.number().int(),
  kind: z.enum(NOTIFICATION_KINDS),
  channel: z.enum(CHANNELS),
  recipient: z.string(),
  status: z.enum(NOTIFICATION_STATUSES),
  attempts: z.number().int().min(0),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  lastError: z.string().nullable(),
});
export type NotificationView = z.infer<typeof notificationViewSchema>;
export const notificationListSchema = z.object({ notifications: z.array(notificationViewSchema) });
