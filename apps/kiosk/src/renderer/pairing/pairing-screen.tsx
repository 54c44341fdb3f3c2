/**
 * First start: the kiosk has no token, so it shows a pairing code for the admin to
 * type in the admin console (Quản trị → Thiết bị). Calm and large: it may stay on
 * screen for a while before someone comes by.
 */
import { useEffect, useState } from 'react';
import type { PairingResult } from '@layso/shared';
import { createApiClient, formatPairingCode, PAIRING_TEXT, startPairing, type PairingCode } from '@layso/shared/client';
import { APP_VERSION } from '../app-version.js';

export function PairingScreen({ hubAddress, onPaired }: { hubAddress: string; onPaired(result: PairingResult): void }) {
  const [code, setCode] = useState<PairingCode | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    const pairing = startPairing({
      request: { kind: 'kiosk', appVersion: APP_VERSION },
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
      <p className="pairing-hub" data-testid="pairing-hub">
        {PAIRING_TEXT.hub.vi} / {PAIRING_TEXT.hub.en}: {hubAddress}
      </p>
      <p className="pairing-note" role="status">
        {problem ? `${PAIRING_TEXT.unreachable.vi} / ${PAIRING_TEXT.unreachable.en}` : `${PAIRING_TEXT.renews.vi} / ${PAIRING_TEXT.renews.en}`}
      </p>
    </main>
  );
}
