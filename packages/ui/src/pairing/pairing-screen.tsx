/**
 * First start without a token (a kiosk, a console, door screen or hall board): a large
 * pairing code for the admin to type in the admin console (Quản trị → Thiết bị). Calm
 * and readable across a room: it may stay on screen for a while before someone comes
 * by. The admin's choice of role (and screen and counter) comes back with the token.
 */
import { useEffect, useState } from 'react';
import type { CreatePairingRequest, PairingResult } from '@layso/shared';
import { createApiClient } from '../api/api-client.js';
import { startPairing, type PairingCode, type PairingOptions } from './device-pairing.js';
import { formatPairingCode, PAIRING_TEXT } from './pairing-text.js';

export interface PairingScreenProps {
  /** What the device says it is when it asks for a code. */
  kind: CreatePairingRequest['kind'];
  appVersion: string;
  hubAddress: string;
  onPaired(result: PairingResult): void;
  /** Offered where a token may still be typed by hand (the counter console's own sign-in form). */
  onSkip?: (() => void) | undefined;
  /** The hub's pairing endpoints; the page's own hub when not given (tests pass a fake). */
  api?: PairingOptions['api'] | undefined;
}

export function PairingScreen({ kind, appVersion, hubAddress, onPaired, onSkip, api }: PairingScreenProps) {
  const [code, setCode] = useState<PairingCode | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    const pairing = startPairing({
      request: { kind, appVersion },
      api: api ?? createApiClient({ token: null }),
      onCode: setCode,
      onPaired,
      onProblem: setProblem,
    });
    return () => pairing.stop();
  }, [kind, appVersion, onPaired, api]);

  return (
    <main className="pairing" data-testid="pairing-screen">
      <h1 className="pairing-title">
        {PAIRING_TEXT.title.vi}
        <span className="pairing-en">{PAIRING_TEXT.title.en}</span>
      </h1>
      <div className="pairing-code" data-testid="pairing-code" data-code={code?.code ?? ''} aria-live="polite">
        {code ? formatPairingCode(code.code) : PAIRING_TEXT.gettingCode.vi}
      </div>
      <p className="pairing-instruction">
        {PAIRING_TEXT.instruction.vi}
        <span className="pairing-en">{PAIRING_TEXT.instruction.en}</span>
      </p>
      <p className="pairing-note" data-testid="pairing-hub">
        {PAIRING_TEXT.hub.vi} / {PAIRING_TEXT.hub.en}: {hubAddress}
      </p>
      <p className="pairing-note" role="status">
        {problem ? `${PAIRING_TEXT.unreachable.vi} / ${PAIRING_TEXT.unreachable.en}` : `${PAIRING_TEXT.renews.vi} / ${PAIRING_TEXT.renews.en}`}
      </p>
      {onSkip ? (
        <button type="button" className="pairing-skip" data-testid="pairing-skip" onClick={onSkip}>
          {PAIRING_TEXT.skip.vi} / {PAIRING_TEXT.skip.en}
        </button>
      ) : null}
    </main>
  );
}
