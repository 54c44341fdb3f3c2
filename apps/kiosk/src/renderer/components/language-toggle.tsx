/** Tiếng Việt ⇄ English for this session; the session's end switches back to Vietnamese. */
import { useText } from '../hooks/use-text.js';
import { useKiosk } from '../store/kiosk-context.js';

export function LanguageToggle() {
  const say = useText();
  const language = useKiosk((s) => s.language);
  const toggle = useKiosk((s) => s.toggleLanguage);
  // Each language's name is written in that language, so both kinds of reader find it.
  return (
    <button type="button" className="language-toggle" data-testid="language-toggle" lang={language === 'vi' ? 'en' : 'vi'} onClick={toggle}>
      {say('switchLanguage')}
    </button>
  );
}
