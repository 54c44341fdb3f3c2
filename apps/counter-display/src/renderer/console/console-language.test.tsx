// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LanguageToggle } from '../common/language-toggle.js';
import { initialLanguage, setUiLanguage, useUiLanguage } from '../strings.js';
import { ActionBar } from './action-bar.js';
import { buttonStates } from './button-rules.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
let container: HTMLDivElement;
let root: Root;

/** The console's action bar and language toggle under a root subscribed like ConsoleApp. */
function ConsoleParts({ paused }: { paused: boolean }) {
  useUiLanguage();
  const states = buttonStates({ loaded: true, online: true, inFlight: false, paused, serving: false, canTransfer: true });
  return (
    <>
      <LanguageToggle />
      <ActionBar states={states} paused={paused} inFlight={false} onAction={() => {}} />
    </>
  );
}

function render(paused = false) {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  act(() => root.render(<ConsoleParts paused={paused} />));
  return (testId: string) => container.querySelector<HTMLButtonElement>(`[data-testid=${testId}]`)!;
}

beforeEach(() => {
  localStorage.clear();
  setUiLanguage('vi');
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  setUiLanguage('vi');
});

describe('console language', () => {
  it('shows Vietnamese by default', () => {
    const el = render();
    expect(el('action-next').textContent).toContain('Gọi số tiếp');
    expect(el('action-recall').textContent).toContain('Chưa có số đang phục vụ');
    expect(el('language-toggle').textContent).toBe('English');
  });

  it('switches to English with the toggle, and remembers it', () => {
    const el = render(true);
    act(() => el('language-toggle').click());
    expect(el('action-next').textContent).toContain('Call next');
    expect(el('action-next').textContent).toContain('The counter is paused');
    expect(el('action-skip').textContent).toContain('No-show');
    expect(el('action-pause').textContent).toContain('Resume');
    expect(el('language-toggle').textContent).toBe('Tiếng Việt');
    expect(initialLanguage('console', '', localStorage)).toBe('en');

    act(() => el('language-toggle').click());
    expect(el('action-next').textContent).toContain('Gọi số tiếp');
    expect(initialLanguage('console', '', localStorage)).toBe('vi');
  });

  it('starts in English when the console remembered it', () => {
    localStorage.setItem('layso.console.language', 'en');
    setUiLanguage(initialLanguage('console', '', localStorage));
    const el = render();
    expect(el('action-next').textContent).toContain('Call next');
    expect(el('action-done').textContent).toContain('Done');
  });
});
