/** The services of one area: one tap on a service issues the ticket. */
import type { Catalog } from '@layso/shared';
import { BottomBar } from '../components/bottom-bar.js';
import { ScrollArea } from '../components/scroll-area.js';
import { ServiceButton } from '../components/service-button.js';
import { useText } from '../hooks/use-text.js';
import { findArea, localName, priorityName, servicesInOrder } from '../logic/catalog-view.js';
import { useKiosk } from '../store/kiosk-context.js';

/** Up to this many services get larger buttons (one per row on a portrait screen); more get the dense grid. */
const ONE_COLUMN_MAX = 6;

export function ServicesScreen({ catalog, areaId, priority }: { catalog: Catalog; areaId: string; priority: string | null }) {
  const say = useText();
  const language = useKiosk((s) => s.language);
  const issue = useKiosk((s) => s.issue);
  const area = findArea(catalog, areaId);
  if (!area) return null;
  const group = priorityName(catalog, priority, language);
  return (
    <>
      <main className="screen" data-testid="services-screen">
        {group && (
          <div className="priority-tag" data-testid="priority-tag">
            {say('priorityFor')}: {group}
          </div>
        )}
        <h2 className="screen-title">
          {localName(area, language)} · {say('pickService')}
        </h2>
        <ScrollArea className={`service-grid ${area.services.length <= ONE_COLUMN_MAX ? 'few' : ''}`} testId="service-list">
          {servicesInOrder(area).map((service) => (
            <ServiceButton key={service.id} service={service} onPress={() => void issue(service.id, priority)} />
          ))}
        </ScrollArea>
      </main>
      <BottomBar />
    </>
  );
}
