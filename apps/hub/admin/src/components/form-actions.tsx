import { useText } from '../i18n/use-text.js';

interface FormActionsProps {
  onCancel(): void;
  /** Disables "Lưu" (a request is under way). */
  disabled?: boolean;
  /** Says "Đang lưu…" instead of "Lưu". */
  saving?: boolean;
  saveTestId?: string;
  className?: string;
}

/** The "Hủy" / "Lưu" pair at the end of every edit form. */
export function FormActions({ onCancel, disabled, saving, saveTestId, className = 'row-actions' }: FormActionsProps) {
  const t = useText();
  return (
    <div className={className}>
      <button type="button" onClick={onCancel}>
        {t('cancel')}
      </button>
      <button type="submit" className="primary" disabled={disabled} data-testid={saveTestId}>
        {saving ? t('saving') : t('save')}
      </button>
    </div>
  );
}
