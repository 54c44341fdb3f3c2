import type { Catalog } from '@layso/shared';
import { fillTemplate } from '@layso/ui';
import { UI } from '../strings.js';
import { useNow } from '../time/use-now.js';
import type { Undoable } from './console-store.js';
import { serviceName } from './ticket-badges.js';

interface UndoNoticeProps {
  undoable: Undoable;
  catalog: Catalog;
  disabled: boolean;
  onUndo(): void;
}

/** What the last press did, and "Hoàn tác" while the hub still allows it. */
export function UndoNotice({ undoable, catalog, disabled, onUndo }: UndoNoticeProps) {
  const now = useNow(250);
  const seconds = Math.max(0, Math.ceil((undoable.until - now) / 1000));
  const template = { done: UI.undoDone, skip: UI.undoSkip, transfer: UI.undoTransfer }[undoable.action];
  const text = fillTemplate(template, { n: undoable.number, s: serviceName(catalog, undoable.serviceId) });
  return (
    <div className="undo-notice" role="status" data-testid="undo-notice" data-action={undoable.action} data-number={undoable.number}>
      <span className="undo-text">{text}</span>
      <button type="button" className="undo-button" data-testid="undo-button" disabled={disabled} onClick={onUndo}>
        {UI.undo}
        <span className="undo-seconds">{fillTemplate(UI.undoSeconds, { t: seconds })}</span>
      </button>
    </div>
  );
}
