/**
 * Reads the issued number and its counter aloud on the ticket screen, when the kiosk's
 * `voice` setting is on: the board's phrase builder (short form, no chime, so the hall
 * does not take it for a call) and the board's clips and player (@layso/shared/voice).
 */
import { useEffect } from 'react';
import { buildCallAnnouncement, type Language } from '@layso/shared';
import { Announcer, followCenterVoice, WebAudioBackend } from '@layso/shared/voice';

let announcer: Announcer | null = null;

/** The board's player, on the center's own recordings where it has them (the hub's voice manifest). */
function kioskAnnouncer(): Announcer {
  if (!announcer) {
    const backend = new WebAudioBackend({ baseUrl: import.meta.env.BASE_URL });
    followCenterVoice({ backend });
    announcer = new Announcer({ backend });
  }
  return announcer;
}

export function useTicketVoice(enabled: boolean, ticketId: number, number: string, counter: number, language: Language): void {
  useEffect(() => {
    if (!enabled) return;
    let clips: string[];
    try {
      clips = buildCallAnnouncement({ number, counter, language, form: 'short', chime: false });
    } catch {
      // A number or counter the clips cannot say: the screen still shows it.
      return;
    }
    void kioskAnnouncer().announce(clips).catch(() => undefined);
    // Once per ticket (number, counter and language are read when it is issued): a
    // language switch on the ticket screen does not say it again.
  }, [enabled, ticketId]);
}
