import { cloneElement, useId, type ReactElement } from 'react';
import { issuesFor } from '../api/admin-api.js';
import { useText } from '../i18n/use-text.js';
import { fieldIssueText } from '../logic/error-text.js';

interface FieldProps {
  label: string;
  /** The request body path the hub reports validation issues under. */
  path?: string;
  error?: unknown;
  hint?: string;
  children: ReactElement<{ id?: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string }>;
  className?: string;
}

/** A labelled input with its hint and the hub's validation messages right below it. */
export function Field({ label, path, error, hint, children, className }: FieldProps) {
  const id = useId();
  const t = useText();
  const issues = path ? issuesFor(error, path).map((issue) => fieldIssueText(t, issue)) : [];
  const describedBy = [hint ? `${id}-hint` : null, issues.length ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${issues.length ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, { id, 'aria-invalid': issues.length > 0 || undefined, 'aria-describedby': describedBy })}
      {hint && (
        <small id={`${id}-hint`} className="field-hint">
          {hint}
        </small>
      )}
      {issues.length > 0 && (
        <small id={`${id}-error`} className="field-error" data-testid={`field-error-${path}`}>
          {issues.join(' ')}
        </small>
      )}
    </div>
  );
}
