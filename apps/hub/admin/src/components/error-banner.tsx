import { HubApiError } from '@layso/ui';
import { useText } from '../i18n/use-text.js';
import { errorText, fieldIssueText } from '../logic/error-text.js';
import { useTimeZone } from '../store/live-store.js';

/**
 * The error of the last action, announced to screen readers. Validation details whose
 * field is not on the form (`known` lists the ones that are) are listed here.
 */
export function ErrorBanner({ error, known = [] }: { error: unknown; known?: readonly string[] }) {
  const t = useText();
  const timeZone = useTimeZone();
  if (!error) return null;
  const loose =
    error instanceof HubApiError ? error.fieldIssues.filter((d) => !known.some((field) => d.path === field || d.path.endsWith(`.${field}`))) : [];
  return (
    <div className="banner banner-error" role="alert" data-testid="error-banner">
      <p>{errorText(t, error, timeZone)}</p>
      {loose.length > 0 && (
        <ul>
          {loose.map((d) => (
            <li key={`${d.path}:${d.message}`}>
              {d.path ? <code>{d.path}</code> : null} {fieldIssueText(t, d)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function SuccessBanner({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <div className="banner banner-ok" role="status" data-testid="success-banner">
      {message}
    </div>
  );
}
