import { useEffect, useState } from 'react';
import { useText } from '../i18n/use-text.js';
import { fetchStorageProblem, type StorageProblem } from '../logic/storage-health.js';

/** How often the console asks /api/health whether the hub can still write. */
export const STORAGE_POLL_MS = 15_000;

/**
 * A banner on every signed-in page while the hub's disk is full (or failing): kiosks
 * then issue nothing and no change can be saved, and the administrator is the one who
 * can free space. It goes away by itself once the hub writes again.
 */
export function StorageBanner() {
  const t = useText();
  const [problem, setProblem] = useState<StorageProblem | null>(null);
  useEffect(() => {
    let stopped = false;
    const check = () => void fetchStorageProblem().then((found) => !stopped && setProblem(found));
    check();
    const timer = setInterval(check, STORAGE_POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, []);
  if (!problem) return null;
  return (
    <div className="banner banner-error" role="alert" data-testid="storage-banner">
      <p>{t(problem === 'full' ? 'storageFullBanner' : 'storageIoErrorBanner')}</p>
    </div>
  );
}
