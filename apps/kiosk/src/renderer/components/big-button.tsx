/** A full-width touch target with a large label and an optional detail line. */
import type { ReactNode } from 'react';

export interface BigButtonProps {
  label: ReactNode;
  detail?: ReactNode;
  variant?: 'normal' | 'priority' | 'online';
  onPress(): void;
  testId?: string;
  disabled?: boolean;
}

export function BigButton({ label, detail, variant = 'normal', onPress, testId, disabled }: BigButtonProps) {
  return (
    <button type="button" className={`big-button ${variant === 'normal' ? '' : variant}`} onClick={onPress} data-testid={testId} disabled={disabled}>
      <span className="big-button-label">{label}</span>
      {detail && <span className="big-button-detail">{detail}</span>}
    </button>
  );
}
