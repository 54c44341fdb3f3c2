// @vitest-environment jsdom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConsoleAction } from './actions.js';
import { ActionBar } from './action-bar.js';
import { buttonStates } from './button-rules.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
let container: HTMLDivElement;

afterEach(() => container?.remove());

function render(paused: boolean, serving: boolean, onAction: (a: ConsoleAction) => void = () => {}) {
  container = document.createElement('div');
  document.body.append(container);
  const states = buttonStates({ loaded: true, online: true, inFlight: false, paused, serving, canTransfer: true });
  act(() => createRoot(container).render(<ActionBar states={states} paused={paused} inFlight={false} onAction={onAction} />));
  return (action: string) => container.querySelector<HTMLButtonElement>(`[data-testid=action-${action}]`)!;
}

describe('ActionBar', () => {
  it('prints each button with its shortcut', () => {
    const button = render(false, true);
    expect(button('next').querySelector('kbd')!.textContent).toBe('F1 / Enter');
    expect(button('next').textContent).toContain('Gọi số tiếp');
    expect(button('skip').textContent).toContain('F3');
    expect(button('skip').textContent).toContain('Vắng mặt');
  });

  it('disables what would fail and says why, on the button', () => {
    const button = render(true, false);
    expect(button('next').disabled).toBe(true);
    expect(button('next').textContent).toContain('Quầy đang tạm nghỉ');
    expect(button('done').disabled).toBe(true);
    expect(button('pause').disabled).toBe(false);
    expect(button('pause').textContent).toContain('Tiếp tục');
  });

  it('reports the pressed action', () => {
    const pressed: ConsoleAction[] = [];
    const button = render(false, true, (a) => pressed.push(a));
    act(() => button('recall').click());
    expect(pressed).toEqual(['recall']);
  });
});
