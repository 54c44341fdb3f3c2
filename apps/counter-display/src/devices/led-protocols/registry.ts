import { asciiLineProtocol } from './ascii-line.js';
import { framedProtocol } from './framed.js';
import type { LedProtocol, LedProtocolDefinition, LedProtocolOptions } from './led-protocol.js';

/** Every known LED protocol. A vendor protocol is one new file plus one line here. */
const PROTOCOLS: readonly LedProtocolDefinition[] = [
  asciiLineProtocol,
  framedProtocol,
];

const BY_ID = new Map(PROTOCOLS.map((definition) => [definition.id, definition]));
if (BY_ID.size !== PROTOCOLS.length) throw new Error('two LED protocols share an id');

export function ledProtocolIds(): string[] {
  return [...BY_ID.keys()];
}

export function createLedProtocol(id: string, options: LedProtocolOptions = {}): LedProtocol {
  const definition = BY_ID.get(id);
  if (!definition) throw new RangeError(`unknown LED protocol "${id}"; known: ${ledProtocolIds().join(', ')}`);
  return definition.create(options);
}
