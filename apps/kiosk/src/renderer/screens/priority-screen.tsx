/** The priority path, step one: which priority group the citizen belongs to. */
import type { Catalog } from '@layso/shared';
import { BigButton } from '../components/big-button.js';
import { BottomBar } from '../components/bottom-bar.js';
import { ScrollArea } from '../components/scroll-area.js';
import { useText } from '../hooks/use-text.js';
import { localName } from '../logic/catalog-view.js';
import { useKiosk } from '../store/kiosk-context.js';

export function PriorityScreen({ catalog }: { catalog: Catalog }) {
  const say = useText();
  const language = useKiosk((s) => s.language);
  const pickPriority = useKiosk((s) => s.pickPriority);
  return (
    <>
      <main className="screen" data-testid="priority-screen">
        <div className="priority-tag">{say('priority')}</div>
        <h2 className="screen-title">{say('pickPriority')}</h2>
        <ScrollArea className="category-list">
          {catalog.priorityCategories.map((category) => (
            <BigButton
              key={category.id}
              variant="priority"
              testId={`priority-category-${category.id}`}
              label={localName(category, language)}
              onPress={() => pickPriority(category.id)}
            />
          ))}
        </ScrollArea>
      </main>
      <BottomBar />
    </>
  );
}
