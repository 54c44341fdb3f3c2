import { CONSOLE_ACTIONS, type ConsoleAction } from './actions.js';
import { actionLabel, type ButtonState } from './button-rules.js';
import { SHORTCUTS } from './shortcuts.js';

interface ActionBarProps {
  states: Record<ConsoleAction, ButtonState>;
  paused: boolean;
  inFlight: boolean;
  onAction(action: ConsoleAction): void;
}

/** Six large touch buttons, each with its keyboard shortcut and, when disabled, the reason. */
export function ActionBar({ states, paused, inFlight, onAction }: ActionBarProps) {
  return (
    <section className="actions" aria-busy={inFlight}>
      {CONSOLE_ACTIONS.map((action) => {
        const state = states[action];
        return (
          <button
            key={action}
            type="button"
            className={`action action-${action}`}
            data-testid={`action-${action}`}
            disabled={!state.enabled}
            title={state.reason ?? undefined}
            onClick={() => onAction(action)}
          >
            <kbd className="action-key">{SHORTCUTS[action].join(' / ')}</kbd>
            <span className="action-label">{actionLabel(action, paused)}</span>
            <span className="action-reason">{state.reason ?? ' '}</span>
          </button>
        );
      })}
    </section>
  );
}
