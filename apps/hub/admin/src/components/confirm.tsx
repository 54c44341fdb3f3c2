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

/** A button that asks first, in a modal dialog (Escape or Cancel closes it, focus returns). */
export function ConfirmButton({ question, onConfirm, className, disabled, testId, children }: ConfirmButtonProps) {
  const t = useText();
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (open) dialog.current?.showModal();
    else if (dialog.current?.open) dialog.current.close();
  }, [open]);
  return (
    <>
      <button type="button" className={className} disabled={disabled} onClick={() => setOpen(true)} data-testid={testId}>
        {children}
      </button>
      {open && (
        <dialog ref={dialog} className="confirm" onClose={() => setOpen(false)} aria-labelledby="confirm-question" data-testid="confirm-dialog">
          <p id="confirm-question">{question}</p>
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
        </dialog>
      )}
    </>
  );
}
