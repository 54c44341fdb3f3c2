import { useId } from 'react';
import { useText } from '../i18n/use-text.js';

export interface PickerOption {
  id: string;
  label: string;
}

/** An ordered list of chosen options with up / down / remove, and a select to add one. */
export function OrderedPicker({ label, options, value, onChange, invalid }: { label: string; options: readonly PickerOption[]; value: readonly string[]; onChange(next: string[]): void; invalid?: boolean }) {
  const t = useText();
  const id = useId();
  const labelOf = new Map(options.map((o) => [o.id, o.label]));
  const move = (index: number, by: number) => {
    const next = [...value];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item!);
    onChange(next);
  };
  return (
    <fieldset className={`picker${invalid ? ' field-invalid' : ''}`} aria-describedby={`${id}-empty`}>
      <legend>{label}</legend>
      {value.length === 0 ? (
        <p id={`${id}-empty`} className="muted">
          {t('noServicesPicked')}
        </p>
      ) : (
        <ol>
          {value.map((item, index) => (
            <li key={item} data-testid={`picked-${item}`}>
              <span>{labelOf.get(item) ?? item}</span>
              <span className="row-actions">
                <button type="button" disabled={index === 0} onClick={() => move(index, -1)} aria-label={`${t('moveUp')}: ${labelOf.get(item) ?? item}`}>
                  ↑
                </button>
                <button type="button" disabled={index === value.length - 1} onClick={() => move(index, 1)} aria-label={`${t('moveDown')}: ${labelOf.get(item) ?? item}`}>
                  ↓
                </button>
                <button type="button" onClick={() => onChange(value.filter((v) => v !== item))} aria-label={`${t('removeService')}: ${labelOf.get(item) ?? item}`}>
                  ✕
                </button>
              </span>
            </li>
          ))}
        </ol>
      )}
      <label className="visually-hidden" htmlFor={`${id}-add`}>
        {t('addService')}
      </label>
      <select
        id={`${id}-add`}
        value=""
        data-testid="picker-add"
        onChange={(e) => {
          if (e.target.value) onChange([...value, e.target.value]);
        }}
      >
        <option value="">{t('addService')}</option>
        {options
          .filter((o) => !value.includes(o.id))
          .map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
      </select>
    </fieldset>
  );
}
