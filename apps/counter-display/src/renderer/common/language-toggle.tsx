import { saveConsoleLanguage, setUiLanguage, UI, useUiLanguage } from '../strings.js';

/** The console's VI/EN switch; the choice is remembered on this device (localStorage). */
export function LanguageToggle() {
  const language = useUiLanguage();
  const toggle = () => {
    const next = language === 'vi' ? 'en' : 'vi';
    saveConsoleLanguage(localStorage, next);
    setUiLanguage(next);
  };
  return (
    <button type="button" className="link-button language-toggle" data-testid="language-toggle" lang={language === 'vi' ? 'en' : 'vi'} onClick={toggle}>
      {UI.switchLanguage}
    </button>
  );
}
