// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { setUiLanguage } from '../strings.js';
import { WaitingForHub } from './waiting-for-hub.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
let container: HTMLDivElement;
let root: Root;

function render(status: 'connecting' | 'offline') {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  act(() => root.render(<WaitingForHub status={status} />));
  return container.querySelector('[data-testid=offline-indicator]')?.textContent ?? null;
}

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

describe('a screen waiting for its first snapshot', () => {
  it('says the hub is unreachable once its connection failed', () => {
    setUiLanguage('vi');
    expect(render('offline')).toBe('Mất kết nối');
    expect(container.querySelector('[data-testid=status-screen]')?.textContent).toBe('Đang kết nối…');
  });

  it('shows no offline indicator while the first attempt is still under way', () => {
    setUiLanguage('vi');
    expect(render('connecting')).toBeNull();
  });
});
