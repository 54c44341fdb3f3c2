/**
 * First start of a console, door screen or hall board without a token: a large
 * pairing code for the admin (Quản trị → Thiết bị). The admin's choice of screen
 * and counter comes back with the token, so any of /counter, /door, /board works.
 */
import { useEffect, useState } from 'react';
import type { PairingResult } from '@layso/shared';
import { createApiClient, formatPairingCode, PAIRING_TEXT, startPairing, type PairingCode } from '@layso/shared/client';
import { APP_VERSION } from '../app-version.js';

export interface PairingScreenProps {
  hubAddress: string;
  onPaired(result: PairingResult): void;
  /** The console can still take a token typed by hand (its own sign-in form). */
  onSkip?: (() => void) | undefined;
}

export function PairingScreen({ hubAddress, onPaired, onSkip }: PairingScreenProps) {
  const [code, setCode] = useState<PairingCode | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    const pairing = startPairing({
      request: { kind: 'counter-display', appVersion: APP_VERSION },
      api: createApiClient({ token: null }),
      onCode: setCode,
      onPaired,
      onProblem: setProblem,
    });
    return () => pairing.stop();
  }, [onPaired]);

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
          Nhập mã thiết bị bằng tay / Enter a device token by hand
        </button>
      ) : null}
    </main>
  );
}
