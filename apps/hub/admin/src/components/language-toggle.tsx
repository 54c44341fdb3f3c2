import { useText } from '../i18n/use-text.js';
import { useSession } from '../store/session-store.js';

export function LanguageToggle() {
  const t = useText();
  const language = useSession((s) => s.language);
  const setLanguage = useSession((s) => s.setLanguage);
  return (
    <button type="button" className="language-toggle" data-testid="language-toggle" lang={language === 'vi' ? 'en' : 'vi'} onClick={() => setLanguage(language === 'vi' ? 'en' : 'vi')}>
      {t('switchLanguage')}
    </button>
  );
}
