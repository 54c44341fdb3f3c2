import { useEffect, useState } from 'react';
import { displayDay, parseDisplayDay } from '../logic/date-range.js';

/**
 * A day typed as dd/MM/yyyy whatever the browser's locale (a native date input
 * follows the operating system and may show MM/dd/yyyy). `onChange` gets yyyy-MM-dd.
 */
export function DayInput({
  value,
  onChange,
  name,
  optional = false,
  ...rest
}: {
  value: string;
  onChange(day: string): void;
  name: string;
  /** Empty is allowed (a filter not set): `onChange('')` when the text is cleared. */
  optional?: boolean;
  id?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}) {
  const shown = (day: string) => (day ? displayDay(day) : '');
  const [text, setText] = useState(shown(value));
  useEffect(() => setText(value ? displayDay(value) : ''), [value]);
  const valid = parseDisplayDay(text) !== null || (optional && text.trim() === '');
  return (
    <input
      {...rest}
      name={name}
      value={text}
      inputMode="numeric"
      placeholder="dd/mm/yyyy"
      aria-invalid={rest['aria-invalid'] || !valid || undefined}
      onChange={(e) => {
        setText(e.target.value);
        const day = parseDisplayDay(e.target.value);
        if (day) onChange(day);
        else if (optional && e.target.value.trim() === '') onChange('');
      }}
    />
  );
}
