/**
 * One service: its counter, its name, the number served now ("Giao dịch hiện tại")
 * and how many wait, all as the hub last pushed them. Disabled, with the reason,
 * when the service is full for the day, paused by an admin or not taking tickets.
 */
import type { CatalogService } from '@layso/shared';
import { useText } from '../hooks/use-text.js';
import { availabilityOf, counterNumberOf, localName, type Availability } from '../logic/catalog-view.js';
import type { TextKey } from '../i18n/kiosk-strings.js';
import { useKiosk } from '../store/kiosk-context.js';

const REASON: Record<Availability, TextKey> = {
  available: 'serviceInactive',
  full: 'queueFull',
  inactive: 'serviceInactive',
  paused: 'servicePaused',
};

export function ServiceButton({ service, onPress }: { service: CatalogService; onPress(): void }) {
  const say = useText();
  const language = useKiosk((s) => s.language);
  const availability = availabilityOf(service);
  return (
    <button
      type="button"
      className="service-button"
      data-testid={`service-button-${service.id}`}
      data-availability={availability}
      disabled={availability !== 'available'}
      onClick={onPress}
    >
      <span className="counter-badge" aria-label={`${say('counter')} ${counterNumberOf(service)}`}>
        <span className="counter-badge-label">{say('counterShort')}</span>
        <span className="counter-badge-number">{counterNumberOf(service)}</span>
      </span>
      <span>
        <span className="service-name">{localName(service, language)}</span>
        {availability === 'available' ? (
          <span className="service-stats">
            <span>
              {say('currentTransaction')}: <strong data-testid="service-current">{service.current ?? say('none')}</strong>
            </span>
            <span>
              {say('waiting')}: <strong data-testid="service-waiting">{service.waiting}</strong>
            </span>
          </span>
        ) : (
          <span className="service-reason" data-testid="service-reason">
            {say(REASON[availability])}
          </span>
        )}
      </span>
    </button>
  );
}
