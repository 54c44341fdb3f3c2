import { UI, s } from '../strings.js';
import type { ConsoleAction } from './actions.js';

export interface ButtonState {
  enabled: boolean;
  /** Why it is disabled, shown under the button; null when enabled. */
  reason: string | null;
}

/** What the buttons depend on, all of it from the hub (queue response, connection). */
export interface ConsoleSituation {
  /** The first GET /queue answered. */
  loaded: boolean;
  online: boolean;
  /** A command is on its way: every button waits, so a double press calls one ticket. */
  inFlight: boolean;
  paused: boolean;
  /** A ticket is being served at this counter. */
  serving: boolean;
  /** Some other service exists to transfer to. */
  canTransfer: boolean;
}

const ENABLED: ButtonState = { enabled: true, reason: null };
const disabled = (reason: string): ButtonState => ({ enabled: false, reason });

/**
 * A button that would fail is disabled, with the reason, rather than letting the
 * clerk press it and read an error. "Gọi số tiếp" stays enabled with nobody waiting:
 * the hub answers that calmly (no ticket) and a ticket may have just been issued.
 */
export function buttonStates(situation: ConsoleSituation): Record<ConsoleAction, ButtonState> {
  const common = !situation.loaded ? UI.loading : situation.inFlight ? UI.busy : !situation.online ? UI.offline : null;
  const needsServing = (): ButtonState => (situation.serving ? ENABLED : disabled(situation.paused ? UI.counterPaused : UI.nothingServed));
  const rules: Record<ConsoleAction, () => ButtonState> = {
    next: () => (situation.paused ? disabled(UI.counterPaused) : ENABLED),
    recall: needsServing,
    skip: needsServing,
    done: needsServing,
    transfer: () => (!situation.serving ? needsServing() : situation.canTransfer ? ENABLED : disabled(UI.noOtherService)),
    pause: () => ENABLED,
  };
  const states = {} as Record<ConsoleAction, ButtonState>;
  for (const action of Object.keys(rules) as ConsoleAction[]) states[action] = common ? disabled(common) : rules[action]();
  return states;
}

/** Button captions from GLOSSARY.md; the pause button says what pressing it does. */
export function actionLabel(action: ConsoleAction, paused: boolean): string {
  switch (action) {
    case 'next':
      return s('next');
    case 'recall':
      return s('recall');
    case 'skip':
      return s('noShow');
    case 'done':
      return s('done');
    case 'transfer':
      return s('transfer');
    case 'pause':
      return paused ? s('resume') : s('pause');
  }
}
