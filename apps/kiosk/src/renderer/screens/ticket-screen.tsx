/**
 * The citizen's number, very large, with the counter, how many are ahead and the
 * estimated wait, and what happened to the paper ticket. Returns home by itself
 * (use-idle-return) or with "Xong".
 */
import { useEffect, useState } from 'react';
import { formatWait, type Catalog, type IssuedTicket } from '@layso/shared';
import { useText } from '../hooks/use-text.js';
import { useTicketVoice } from '../hooks/use-ticket-voice.js';
import type { TextKey } from '../i18n/kiosk-strings.js';
import { counterNumberOf, findService, localName, priorityName } from '../logic/catalog-view.js';
import { useKiosk } from '../store/kiosk-context.js';
import type { PrintState } from '../store/screens.js';

/** The second tap of a double tap must not dismiss the number it just produced. */
const ARM_DELAY_MS = 800;

const PRINT_TEXT: Record<PrintState, TextKey> = {
  printing: 'printing',
  printed: 'printed',
  failed: 'printerProblem',
  none: 'rememberNumber',
};

export interface TicketScreenProps {
  catalog: Catalog;
  ticket: IssuedTicket;
  print: PrintState;
  checkedIn: boolean;
}

export function TicketScreen({ catalog, ticket, print, checkedIn }: TicketScreenProps) {
  const say = useText();
  const language = useKiosk((s) => s.language);
  const endSession = useKiosk((s) => s.endSession);
  const voice = useKiosk((s) => s.config.voice === true);
  const [armed, setArmed] = useState(false);
  useEffect(() => {
    const handle = setTimeout(() => setArmed(true), ARM_DELAY_MS);
    return () => clearTimeout(handle);
  }, [ticket.id]);

  const found = findService(catalog, ticket.serviceId);
  const counter = found ? counterNumberOf(found.service) : Number(ticket.number.slice(0, 2));
  const group = priorityName(catalog, ticket.priority, language);
  useTicketVoice(voice, ticket.id, ticket.number, counter, language);
  return (
    <>
      <main className="screen" data-testid="ticket-screen">
        <section className="ticket-card">
          {/* Portrait: one column. Landscape: the number on the left, what to do next on the right. */}
          <div className="ticket-main">
            {checkedIn && (
              <div className="priority-tag" data-testid="checked-in-tag">
                {say('checkedIn')}
              </div>
            )}
            <div className="ticket-label">{say('yourNumber')}</div>
            <div className="ticket-number" data-testid="ticket-number">
              {ticket.number}
            </div>
            {found && <div className="ticket-service">{localName(found.service, language)}</div>}
            <div className="ticket-counter" data-testid="ticket-counter">
              {say('counter')} {counter}
            </div>
            {group && (
              <div className="priority-tag" data-testid="ticket-priority">
                {say('priorityFor')}: {group}
              </div>
            )}
          </div>
          <div className="ticket-side">
            <dl className="ticket-facts">
              <dt>{say('ahead')}:</dt>
              <dd data-testid="ticket-ahead">{say('people', { n: ticket.ahead })}</dd>
              <dt>{say('estimatedWait')}:</dt>
              <dd data-testid="ticket-wait">{formatWait(ticket.estWaitMin, language)}</dd>
            </dl>
            <div className={`ticket-print ${print}`} data-testid="ticket-print" data-state={print} role="status">
              {say(PRINT_TEXT[print])}
            </div>
            <div className="ticket-wait">{say('waitYourTurn')}</div>
          </div>
        </section>
      </main>
      <div className="bottom-bar">
        <button type="button" className="action-button" data-testid="ticket-done" data-armed={armed} onClick={() => armed && endSession()}>
          {say('finish')}
        </button>
      </div>
    </>
  );
}
