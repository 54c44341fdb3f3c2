import { useEffect, type ReactElement } from 'react';
import { adminSessionInfoSchema } from '@layso/shared';
import { useApi } from './api/use-api.js';
import { Shell } from './components/shell.js';
import { usePage, type PageId } from './logic/routes.js';
import { AuditPage } from './pages/audit.js';
import { BackupPage } from './pages/backup.js';
import { ChangePasswordPage } from './pages/change-password.js';
import { ClerksPage } from './pages/clerks.js';
import { CountersPage } from './pages/counters.js';
import { DevicesPage } from './pages/devices.js';
import { NotificationsPage } from './pages/notifications.js';
import { OperationsPage } from './pages/operations.js';
import { ReportsPage } from './pages/reports.js';
import { ServicesPage } from './pages/services.js';
import { SettingsPage } from './pages/settings.js';
import { SignInPage } from './pages/sign-in.js';
import { TodayPage } from './pages/today.js';
import { VoicePage } from './pages/voice.js';
import { useLive } from './store/live-store.js';
import { useSession } from './store/session-store.js';

const PAGE_VIEWS: Record<PageId, () => ReactElement> = {
  today: TodayPage,
  settings: SettingsPage,
  services: ServicesPage,
  counters: CountersPage,
  devices: DevicesPage,
  clerks: ClerksPage,
  operations: OperationsPage,
  reports: ReportsPage,
  audit: AuditPage,
  notifications: NotificationsPage,
  voice: VoicePage,
  backup: BackupPage,
};

export function App() {
  const session = useSession((s) => s.session);
  if (!session) return <SignInPage />;
  if (session.user.mustChangePassword) return <ChangePasswordPage />;
  return <Console token={session.token} expiresAt={session.expiresAt} />;
}

function Console({ token, expiresAt }: { token: string; expiresAt: string }) {
  const page = usePage();
  const api = useApi();
  useEffect(() => useLive.getState().connect(token, () => useSession.getState().expired()), [token]);
  // A stored session may have ended on the hub (idle timeout, sign-out elsewhere): a 401 here ends it here.
  useEffect(() => {
    api.get('/api/admin/session', adminSessionInfoSchema).catch(() => {});
  }, [api]);
  // The absolute limit: return to sign-in at `expiresAt` even if the page sits idle.
  useEffect(() => {
    const timer = setTimeout(() => useSession.getState().expired(), Math.min(2 ** 31 - 1, Math.max(0, Date.parse(expiresAt) - Date.now())));
    return () => clearTimeout(timer);
  }, [expiresAt]);
  const View = PAGE_VIEWS[page];
  return (
    <Shell page={page}>
      <View />
    </Shell>
  );
}
