// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setUiLanguage } from '../strings.js';
import { BoardHeader, TITLE_ALTERNATE_MS } from './board-header.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
let container: HTMLDivElement;
let root: Root;

function render(alternateTitle: boolean) {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  act(() => root.render(<BoardHeader centerName="Trung tâm" areaNames={['Tầng 3']} timeZone="Asia/Ho_Chi_Minh" clockOffsetMs={0} alternateTitle={alternateTitle} />));
  return () => container.querySelector('.board-title')!.textContent;
}

beforeEach(() => vi.useFakeTimers());

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  vi.useRealTimers();
  setUiLanguage('vi');
});

describe('BoardHeader', () => {
  it('shows the title in the page language', () => {
    expect(render(false)()).toBe('MỜI CÔNG DÂN ĐẾN QUẦY');
    act(() => root.unmount());
    container.remove();
    setUiLanguage('en');
    expect(render(false)()).toBe('NOW CALLING');
  });

  it('alternates VI / EN with title=alternate', () => {
    const title = render(true);
    expect(title()).toBe('MỜI CÔNG DÂN ĐẾN QUẦY');
    act(() => vi.advanceTimersByTime(TITLE_ALTERNATE_MS));
    expect(title()).toBe('NOW CALLING');
    act(() => vi.advanceTimersByTime(TITLE_ALTERNATE_MS));
    expect(title()).toBe('MỜI CÔNG DÂN ĐẾN QUẦY');
  });
});
