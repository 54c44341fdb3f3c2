/** Center name, the kiosk title and the language switch, on every screen. */
import { useMemo } from 'react';
import type { KioskBridge } from '../../main/bridge-api.js';
import { useText } from '../hooks/use-text.js';
import { localName } from '../logic/catalog-view.js';
import { createSecretTaps } from '../logic/secret-taps.js';
import { useKiosk } from '../store/kiosk-context.js';
import { LanguageToggle } from './language-toggle.js';

export function HeaderBar({ bridge }: { bridge: KioskBridge | null }) {
  const say = useText();
  const language = useKiosk((s) => s.language);
  const center = useKiosk((s) => s.hub?.catalog.center ?? null);
  const onTitleTap = useMemo(() => createSecretTaps(() => void bridge?.openSettings()), [bridge]);
  return (
    <header className="header">
      <div className="header-center" data-testid="center-name">
        {center ? localName(center, language) : '\u00a0'}
      </div>
      <h1 className="header-title" onClick={onTitleTap}>
        {say('kioskTitle')}
      </h1>
      <LanguageToggle />
    </header>
  );
}
