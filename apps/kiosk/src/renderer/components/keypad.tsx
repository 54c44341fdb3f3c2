/** A large phone-style digit keypad (no system keyboard on the kiosk). */
import { useText } from '../hooks/use-text.js';

export interface KeypadProps {
  onDigit(digit: string): void;
  onDelete(): void;
  onClear(): void;
}

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

export function Keypad({ onDigit, onDelete, onClear }: KeypadProps) {
  const say = useText();
  return (
    <div className="keypad" data-testid="keypad">
      {DIGITS.map((digit) => (
        <button type="button" key={digit} onClick={() => onDigit(digit)} data-testid={`key-${digit}`}>
          {digit}
        </button>
      ))}
      <button type="button" className="keypad-word" onClick={onClear} data-testid="key-clear">
        {say('keypadClear')}
      </button>
      <button type="button" onClick={() => onDigit('0')} data-testid="key-0">
        0
      </button>
      <button type="button" className="keypad-word" onClick={onDelete} data-testid="key-delete">
        ⌫ {say('keypadDelete')}
      </button>
    </div>
  );
}
