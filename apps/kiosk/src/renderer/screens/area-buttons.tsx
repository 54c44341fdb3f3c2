/** The areas ("Tầng 1", …) as big buttons, each listing a few of its services. */
import type { Catalog, Language } from '@layso/shared';
import { BigButton } from '../components/big-button.js';
import { useText } from '../hooks/use-text.js';
import { localName, servicesInOrder } from '../logic/catalog-view.js';
import { useKiosk } from '../store/kiosk-context.js';

const SHOWN_SERVICES = 4;

function servicePreview(area: Catalog['areas'][number], language: Language, more: (n: number) => string): string {
  const names = servicesInOrder(area).map((s) => localName(s, language));
  if (names.length <= SHOWN_SERVICES + 1) return names.join(', ');
  return `${names.slice(0, SHOWN_SERVICES).join(', ')} ${more(names.length - SHOWN_SERVICES)}`;
}

export function AreaButtons({ catalog, priority }: { catalog: Catalog; priority: string | null }) {
  const say = useText();
  const language = useKiosk((s) => s.language);
  const openArea = useKiosk((s) => s.openArea);
  return (
    <div className="area-list">
      {catalog.areas.map((area) => (
        <BigButton
          key={area.id}
          testId={`area-button-${area.id}`}
          label={localName(area, language)}
          detail={servicePreview(area, language, (n) => say('moreServices', { n }))}
          onPress={() => openArea(area.id, priority)}
        />
      ))}
    </div>
  );
}
