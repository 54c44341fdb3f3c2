import { z } from 'zod';
import { useApi } from '../api/use-api.js';
import { useResource } from '../api/use-resource.js';
import { useText } from '../i18n/use-text.js';
import { lanNotice } from '../logic/lan-notice.js';

/** The part of /api/health this notice reads: the LAN's HTTPS listener, or null (plain HTTP only). */
const lanHealthSchema = z.object({
  lanTls: z.object({ port: z.number(), fingerprint256: z.string() }).nullable().optional(),
});

/** A warning on every page while the LAN is plain HTTP (docs/install.md, "HTTPS on the LAN"). */
export function LanSecurityNotice() {
  const t = useText();
  const api = useApi();
  const health = useResource(() => api.get('/api/health', lanHealthSchema), [api]);
  if (!health.data) return null;
  const notice = lanNotice(health.data.lanTls, window.location.protocol);
  if (!notice) return null;
  if (notice.kind === 'plain-http') {
    return (
      <div className="banner banner-error" role="alert" data-testid="lan-plain-http">
        <p>{t('lanPlainHttp')}</p>
      </div>
    );
  }
  return (
    <div className="banner banner-info" data-testid="lan-https-available">
      <p>{t('lanHttpsAvailable', { port: notice.port, fingerprint: notice.fingerprint })}</p>
    </div>
  );
}
