/**
 * What a CCCD scan means at this kiosk, decided without the browser: the strict parser reads
 * the payload on the center's day, and only what the screens need is kept — the name for the
 * greeting, whether the citizen is 60 or older, and the ID's keyed hash for the hub. The clear
 * ID number, the date of birth and the address are dropped here.
 */
import { ageOn, ELDERLY_AGE, parseCccdQr, type Catalog, type CccdRefusal } from '@layso/shared';

export interface ReadCard {
  fullName: string;
  elderly: boolean;
  /** The 12 digits, kept only until hashed (see the store): never shown, printed or logged. */
  id: string;
}

export type CardReading = { ok: true; card: ReadCard } | { ok: false; reason: CccdRefusal };

export function readCard(payload: string, today: string): CardReading {
  const result = parseCccdQr(payload, { today });
  if (!result.ok) return result;
  const { id, fullName, dateOfBirth } = result.card;
  return { ok: true, card: { id, fullName, elderly: ageOn(dateOfBirth, today) >= ELDERLY_AGE } };
}

const ELDERLY_NAME = 'người cao tuổi';

/** The catalog's "Người cao tuổi" priority group (by id, else by name), or null when the center has none. */
export function elderlyCategory(catalog: Pick<Catalog, 'priorityCategories'>): string | null {
  const found =
    catalog.priorityCategories.find((c) => c.id === 'nguoi-cao-tuoi') ??
    catalog.priorityCategories.find((c) => c.name.normalize('NFC').trim().toLowerCase() === ELDERLY_NAME);
  return found?.id ?? null;
}
