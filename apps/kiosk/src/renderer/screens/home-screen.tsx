/**
 * Home: choose an area, or the priority path, or check in an online booking.
 * Outside working hours it says so instead of offering anything.
 */
import type { Catalog } from '@layso/shared';
import { BigButton } from '../components/big-button.js';
import { ScrollArea } from '../components/scroll-area.js';
import { useText } from '../hooks/use-text.js';
import { localName } from '../logic/catalog-view.js';
import { useKiosk } from '../store/kiosk-context.js';
import { AreaButtons } from './area-buttons.js';
import { ClosedNotice } from './closed-notice.js';

export function HomeScreen({ catalog }: { catalog: Catalog }) {
  const say = useText();
  const language = useKiosk((s) => s.language);
  const openPriority = useKiosk((s) => s.openPriority);
  const openCheckin = useKiosk((s) => s.openCheckin);
  const bigText = useKiosk((s) => s.bigText);
  const toggleBigText = useKiosk((s) => s.toggleBigText);
  if (!catalog.open) return <ClosedNotice closedEarly={catalog.closedEarly} />;
  const groups = catalog.priorityCategories.map((c) => localName(c, language).toLocaleLowerCase(language)).join(', ');
  return (
    <main className="screen" data-testid="home-screen">
      <div className="home-title-row">
        <h2 className="screen-title">{say('pickArea')}</h2>
        <button type="button" className="big-text-toggle" data-testid="big-text-toggle" aria-pressed={bigText} onClick={toggleBigText}>
          {say('bigText')}
        </button>
      </div>
      <ScrollArea className="home-list">
        <AreaButtons catalog={catalog} priority={null} />
        <div className="home-extra">
          {catalog.priorityCategories.length > 0 && (
            <BigButton variant="priority" testId="priority-button" label={say('priority')} detail={`${say('priorityHint')} ${groups}`} onPress={openPriority} />
          )}
          <BigButton variant="online" testId="checkin-button" label={say('bookedOnline')} detail={say('checkinSubmit')} onPress={openCheckin} />
        </div>
      </ScrollArea>
    </main>
  );
}
