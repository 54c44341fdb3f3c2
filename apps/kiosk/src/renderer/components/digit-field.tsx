/** A fixed number of digit boxes showing what was typed; tap to type into it. */
export interface DigitFieldProps {
  label: string;
  value: string;
  length: number;
  active: boolean;
  onSelect(): void;
  testId: string;
}

export function DigitField({ label, value, length, active, onSelect, testId }: DigitFieldProps) {
  return (
    <button type="button" className={`digit-field ${active ? 'active' : ''}`} onClick={onSelect} data-testid={testId} data-value={value}>
      <span className="digit-field-label">{label}</span>
      <span className="digit-slots">
        {Array.from({ length }, (_, i) => (
          <span className="digit-slot" key={i}>
            {value[i] ?? ''}
          </span>
        ))}
      </span>
    </button>
  );
}
