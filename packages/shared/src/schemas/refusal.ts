import { z } from 'zod';

/**
 * Why the hub refused an administrator's request, as data: a `kind` and the things
 * it names (ids, numbers, names). The console builds its own sentence from this in
 * its language, so no English from the hub's `message` ever reaches a Vietnamese
 * screen. Additive: a client that does not know a kind falls back to the error code.
 */
const id = z.string().max(200);
const name = z.string().max(200);
const counter = z.number().int();
const counters = z.array(counter).max(500);

export const refusalSchema = z.discriminatedUnion('kind', [
  // Configuration (areas, services, counters).
  z.strictObject({ kind: z.literal('prefix-taken'), prefix: z.string().max(8), serviceId: id, serviceName: name }),
  z.strictObject({ kind: z.literal('service-exists'), serviceId: id }),
  z.strictObject({ kind: z.literal('service-unknown'), serviceId: id }),
  z.strictObject({ kind: z.literal('service-listed-twice'), serviceId: id }),
  z.strictObject({ kind: z.literal('service-has-tickets'), serviceId: id, serviceName: name, unfinished: z.number().int() }),
  z.strictObject({ kind: z.literal('counters-left-without-service'), counters }),
  z.strictObject({ kind: z.literal('area-exists'), areaId: id }),
  z.strictObject({ kind: z.literal('area-unknown'), areaId: id }),
  z.strictObject({ kind: z.literal('last-area') }),
  z.strictObject({ kind: z.literal('area-has-counters'), areaId: id, areaName: name, counters }),
  z.strictObject({ kind: z.literal('counter-exists'), counter }),
  z.strictObject({ kind: z.literal('counter-unknown'), counter }),
  z.strictObject({ kind: z.literal('counter-serving'), counter, ticket: z.string().max(8), change: z.enum(['delete', 'renumber']) }),
  z.strictObject({ kind: z.literal('invalid-config') }),
  // Clerks and administrator accounts.
  z.strictObject({ kind: z.literal('clerk-code-taken'), code: z.string().max(80) }),
  z.strictObject({ kind: z.literal('clerk-unknown'), clerkId: z.number().int() }),
  z.strictObject({ kind: z.literal('admin-user-exists'), username: z.string().max(200) }),
  z.strictObject({ kind: z.literal('admin-user-unknown'), userId: z.number().int() }),
  z.strictObject({ kind: z.literal('cannot-disable-self') }),
  z.strictObject({ kind: z.literal('wrong-current-password') }),
  z.strictObject({ kind: z.literal('password-unchanged') }),
  z.strictObject({ kind: z.literal('too-many-sign-ins') }),
  // Devices and pairing.
  z.strictObject({ kind: z.literal('device-unknown'), deviceId: z.number().int() }),
  z.strictObject({ kind: z.literal('device-revoked'), deviceId: z.number().int() }),
  z.strictObject({ kind: z.literal('device-offline'), deviceId: z.number().int() }),
  z.strictObject({ kind: z.literal('command-not-for-role'), command: z.string().max(40), role: z.string().max(40) }),
  z.strictObject({ kind: z.literal('pairing-code-unknown'), code: z.string().max(40) }),
  z.strictObject({ kind: z.literal('pairing-role-not-allowed'), deviceKind: z.string().max(40), role: z.string().max(40) }),
  z.strictObject({ kind: z.literal('pairing-counter-unknown'), counter }),
  z.strictObject({ kind: z.literal('pairing-code-raced'), code: z.string().max(40) }),
  z.strictObject({ kind: z.literal('too-many-pairing-codes') }),
  z.strictObject({ kind: z.literal('too-many-wrong-codes') }),
  // The center's voice (voice clips).
  z.strictObject({ kind: z.literal('voice-clip-unknown'), clipId: id }),
  z.strictObject({ kind: z.literal('voice-not-wav') }),
  z.strictObject({ kind: z.literal('voice-format-unsupported') }),
  z.strictObject({ kind: z.literal('voice-too-short'), minMs: z.number().int() }),
  z.strictObject({ kind: z.literal('voice-too-long'), maxMs: z.number().int() }),
  z.strictObject({ kind: z.literal('voice-silent') }),
]);
export type Refusal = z.infer<typeof refusalSchema>;
export type RefusalKind = Refusal['kind'];

/** Every refusal kind, so a test can check each one has a sentence in every language. */
export const REFUSAL_KINDS = refusalSchema.options.map((option) => option.shape.kind.value) as readonly RefusalKind[];
