import { DEFAULT_ANNOUNCEMENT, type Catalog } from '@layso/shared';
import type { BoardParams } from '../route.js';

export interface VoiceSettings {
  /** 0–1. */
  volume: number;
  /** Times each call is spoken in a row. */
  repeat: number;
}

/**
 * The board's voice: the center's announcement defaults (admin console) unless the
 * board has its own volume. The shell writes `volume` into the board's address only
 * when it is not full volume (role-url.ts), so full volume means "no local setting".
 */
export function boardVoiceSettings(params: Pick<BoardParams, 'volume'>, center: Catalog['announcement']): VoiceSettings {
  const defaults = center ?? DEFAULT_ANNOUNCEMENT;
  return {
    volume: params.volume !== 1 ? params.volume : defaults.volume / 100,
    repeat: defaults.repeat,
  };
}

/** The notice of this board's address wins over the center's, like the volume. */
export function boardNotice(params: Pick<BoardParams, 'notice'>, catalog: Pick<Catalog, 'boardNotice'>): string | null {
  return params.notice ?? catalog.boardNotice ?? null;
}
