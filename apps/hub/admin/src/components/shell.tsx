import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useApi } from '../api/use-api.js';
import { useText } from '../i18n/use-text.js';
import { hrefOf, PAGES, type PageId } from '../logic/routes.js';
import { useLive } from '../store/live-store.js';
import { useSession } from '../store/session-store.js';
import { ClockWarningBanner } from './clock-warning-banner.js';
import { LanguageToggle } from './language-toggle.js';
import { StorageBanner } from './storage-banner.js';
import { LanSecurityNotice } from './lan-security-notice.js';

/** The frame of every signed-in page: navigation, the live-connection state, the user and sign-out. */
export function Shell({ page, children }: { page: PageId; children: ReactNode }) {
  const t = useText();
  const api = useApi();
  const session = useSession((s) => s.session);
  const signedOut = useSession((s) => s.signedOut);
  const status = useLive((s) => s.status);
  const centerName = useLive((s) => s.hub?.catalog.center.name);
  const [menuOpen, setMenuOpen] = useState(false);
  const label = t(PAGES.find((p) => p.id === page)!.label);
  const firstPage = useRef(true);
  // A new page: close the tablet menu, name the tab, and bring keyboard and screen-reader focus to the content.
  useEffect(() => {
    setMenuOpen(false);
    document.title = `${label} · layso`;
    if (firstPage.current) firstPage.current = false;
    else document.getElementById('main')?.focus();
  }, [page, label]);

  const signOut = async () => {
    try {
      await api.delete('/api/admin/session');
    } catch {
      // Signed out locally either way; the hub forgets the session when it expires.
    }
    signedOut();
  };

  return (
    <div className="shell">
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
        {t('skipToContent')}
      </a>
      <header className="topbar">
        <button type="button" className="menu-button" aria-expanded={menuOpen} aria-controls="nav" onClick={() => setMenuOpen(!menuOpen)}>
          ☰ {t('menu')}
        </button>
        <div className="brand">
          <strong>layso</strong> <span>{centerName ?? t('appTitle')}</span>
        </div>
        <span className={`live live-${status}`} role="status" data-testid="live-status">
          {status === 'online' ? t('connectionOnline') : status === 'connecting' ? t('connectionConnecting') : t('connectionOffline')}
        </span>
        <LanguageToggle />
        <span className="user" data-testid="signed-in-user">
          {session?.user.displayName ?? session?.user.username}
        </span>
        <button type="button" onClick={() => void signOut()} data-testid="sign-out">
          {t('signOut')}
        </button>
      </header>
      <nav id="nav" className={menuOpen ? 'nav open' : 'nav'} aria-label={t('menu')}>
        <ul>
          {PAGES.map((p) => (
            <li key={p.id}>
              <a href={hrefOf(p.id)} aria-current={p.id === page ? 'page' : undefined} data-testid={`nav-${p.id}`}>
                {t(p.label)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="content" tabIndex={-1}>
        <StorageBanner />
        <ClockWarningBanner />
        <LanSecurityNotice />
        {children}
      </main>
    </div>
  );
}
