/** The priority path, step two: the area, then its services with the priority kept. */
import type { Catalog } from '@layso/shared';
import { BottomBar } from '../components/bottom-bar.js';
import { ScrollArea } from '../components/scroll-area.js';
import { useText } from '../hooks/use-text.js';
import { priorityName } from '../logic/catalog-view.js';
import { useKiosk } from '../store/kiosk-context.js';
import { AreaButtons } from './area-buttons.js';

export function PriorityAreasScreen({ catalog, priority }: { catalog: Catalog; priority: string }) {
  const say = useText();
  const language = useKiosk((s) => s.language);
  return (
    <>
      <main className="screen" data-testid="priority-areas-screen">
        <div className="priority-tag" data-testid="priority-tag">
          {say('priorityFor')}: {priorityName(catalog, priority, language)}
        </div>
        <h2 className="screen-title">{say('pickArea')}</h2>
        <ScrollArea className="home-list">
          <AreaButtons catalog={catalog} priority={priority} />
        </ScrollArea>
      </main>
      <BottomBar />
    </>
  );
}
