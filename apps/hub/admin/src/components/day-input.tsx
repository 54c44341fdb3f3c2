import { useEffect, useState } from 'react';
import { displayDay, parseDisplayDay } from '../logic/date-range.js';

/**
 * A day typed as dd/MM/yyyy whatever the browser's locale (a native date input
 * follows the operating system and may show MM/dd/yyyy). `onChange` gets yyyy-MM-dd.
 */
export function DayInput({ value, onChange, name, ...rest }: { value: string; onChange(day: string): void; name: string; id?: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string }) {
  const [text, setText] = useState(displayDay(value));
  useEffect(() => setText(displayDay(value)), [value]);
  const valid = parseDisplayDay(text) !== null;
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
      }}
    />
  );
}
