/**
 * The keyed hash that lets the hub match a scanned CCCD to an online booking without either side
 * keeping or sending the ID number in clear (Decree 13/2023): HMAC-SHA256(matching key, 12-digit
 * ID), lower-case hex. The hub makes the 32-byte matching key once and hands it to paired kiosks;
 * the portal's clear ID is hashed on arrival and dropped, the kiosk hashes the scanned ID before it
 * leaves the page. One implementation here (pure JS: kiosk pages on plain-HTTP LANs have no
 * WebCrypto) so both sides compute the same value.
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';

export const citizenIdSchema = z.string().regex(/^\d{12}$/, 'must be the 12-digit citizen ID (CCCD) number');
export const citizenIdHashSchema = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex digits');
export const citizenIdKeySchema = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex digits');

/** GET /api/kiosk/citizen-id-key (role kiosk): the matching key. */
export const citizenIdKeyResponseSchema = z.object({ key: citizenIdKeySchema });
export type CitizenIdKeyResponse = z.infer<typeof citizenIdKeyResponseSchema>;

/** POST /api/tickets/checkin-by-id (role kiosk). */
export const idCheckInRequestSchema = z.strictObject({ citizenIdHash: citizenIdHashSchema });
export type IdCheckInRequest = z.infer<typeof idCheckInRequestSchema>;

/** HMAC-SHA256(key, id) as hex. `keyHex` is the hub's matching key (64 hex digits). */
export function citizenIdHash(keyHex: string, id: string): string {
  return bytesToHex(hmac(sha256, hexToBytes(keyHex), utf8ToBytes(id)));
}
