import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useText } from '../i18n/use-text.js';

interface ConfirmButtonProps {
  /** The question asked before `onConfirm` runs. */
  question: string;
  onConfirm(): unknown;
  className?: string;
  disabled?: boolean;
  testId?: string;
  children: ReactNode;
}

/**
 * A button that asks first, in a modal dialog. The dialog stays in the page and is
 * opened and closed natively, so Escape cancels and the browser returns focus to the
 * button afterwards.
 */
export function ConfirmButton({ question, onConfirm, className, disabled, testId, children }: ConfirmButtonProps) {
  const t = useText();
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);
  return (
    <>
      <button type="button" className={className} disabled={disabled} onClick={() => setOpen(true)} data-testid={testId}>
        {children}
      </button>
      <dialog ref={dialog} className="confirm" onClose={() => setOpen(false)} aria-label={question} data-testid={open ? 'confirm-dialog' : undefined}>
        {open && (
          <>
            <p>{question}</p>
            <div className="row-actions">
              <button type="button" onClick={() => setOpen(false)}>
                {t('cancel')}
              </button>
              <button
                type="button"
                className="danger"
                autoFocus
                data-testid="confirm-yes"
                onClick={() => {
                  setOpen(false);
                  void onConfirm();
                }}
              >
                {t('confirm')}
              </button>
            </div>
          </>
        )}
      </dialog>
    </>
  );
}
