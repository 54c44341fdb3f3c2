/**
 * "Đã lấy số trực tuyến?": the citizen types the 5-digit number from the message
 * and the phone's last 4 digits on a large keypad, and the hub checks them in.
 */
import { BottomBar } from '../components/bottom-bar.js';
import { DigitField } from '../components/digit-field.js';
import { Keypad } from '../components/keypad.js';
import { useText } from '../hooks/use-text.js';
import { CHECKIN_LENGTH, isComplete, type CheckinEntry } from '../logic/checkin-entry.js';
import { messageKeyOf, type KioskErrorKind } from '../logic/error-kind.js';
import { useKiosk } from '../store/kiosk-context.js';

export function CheckinScreen({ entry, error }: { entry: CheckinEntry; error: KioskErrorKind | null }) {
  const say = useText();
  const type = useKiosk((s) => s.checkinType);
  const remove = useKiosk((s) => s.checkinDelete);
  const clear = useKiosk((s) => s.checkinClear);
  const select = useKiosk((s) => s.checkinSelect);
  const checkIn = useKiosk((s) => s.checkIn);
  return (
    <>
      <main className="screen checkin-screen" data-testid="checkin-screen">
        {/* Portrait: one column, keypad between the digits and the button. Landscape: digits and button beside the keypad. */}
        <div className="checkin-form">
          <h2 className="screen-title">{say('bookedOnline')}</h2>
          <p className="screen-subtitle">{say('checkinHint')}</p>
          <div className="checkin-fields">
            <DigitField
              label={say('checkinNumber')}
              value={entry.number}
              length={CHECKIN_LENGTH.number}
              active={entry.field === 'number'}
              onSelect={() => select('number')}
              testId="checkin-number"
            />
            <DigitField
              label={say('checkinPhone')}
              value={entry.phone}
              length={CHECKIN_LENGTH.phone}
              active={entry.field === 'phone'}
              onSelect={() => select('phone')}
              testId="checkin-phone"
            />
          </div>
          {error && (
            <div className="checkin-error" role="alert" data-testid="checkin-error" data-kind={error}>
              {say(messageKeyOf(error))}
            </div>
          )}
          <button type="button" className="action-button checkin-submit" data-testid="checkin-submit" disabled={!isComplete(entry)} onClick={() => void checkIn()}>
            {say('checkinSubmit')}
          </button>
        </div>
        <Keypad onDigit={type} onDelete={remove} onClear={clear} />
      </main>
      <BottomBar />
    </>
  );
}
