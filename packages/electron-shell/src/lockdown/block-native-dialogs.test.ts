// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { blockNativeDialogs } from './block-native-dialogs.js';

/**
 * A fresh page world (an iframe's window) running the function from its source text,
 * as contextBridge.executeInMainWorld does: it proves the function needs nothing
 * outside itself, and keeps the locked properties off the test's own window.
 */
function pageWithGuard(html = ''): Window & typeof globalThis {
  const frame = document.createElement('iframe');
  document.body.append(frame);
  const page = frame.contentWindow as Window & typeof globalThis;
  page.document.body.innerHTML = html;
  return page;
}
function runGuard(page: Window & typeof globalThis) {
  (new page.Function(`(${blockNativeDialogs.toString()})()`) as () => void)();
}

describe('native dialogs blocked in the page world', () => {
  it('replaces print and the file pickers, for good', async () => {
    const page = pageWithGuard();
    const print = vi.fn();
    page.print = print;
    runGuard(page);
    page.print();
    expect(print).not.toHaveBeenCalled();
    expect(() => {
      'use strict';
      Object.defineProperty(page, 'print', { value: print });
    }).toThrow();
    const picker = (page as unknown as { showOpenFilePicker: () => Promise<unknown> }).showOpenFilePicker;
    await expect(picker()).rejects.toThrow('Not allowed');
  });

  it('cancels clicks that would open a file chooser, directly or through a label', () => {
    const page = pageWithGuard('<label for="f">pick</label><input id="f" type="file"><input id="t" type="text">');
    runGuard(page);
    const outcomes: string[] = [];
    page.document.addEventListener('click', (event) => outcomes.push(`${(event.target as HTMLElement).id || 'label'}:${event.defaultPrevented}`));
    (page.document.getElementById('f') as HTMLInputElement).click();
    (page.document.querySelector('label') as HTMLLabelElement).click();
    (page.document.getElementById('t') as HTMLInputElement).click();
    // The label's click is cancelled itself, so it never forwards a click to the file input.
    expect(outcomes).toEqual(['f:true', 'label:true', 't:false']);
  });

  it('leaves pages without the guard alone (the test can fail)', () => {
    const page = pageWithGuard('<input id="f" type="file">');
    const outcomes: boolean[] = [];
    page.document.addEventListener('click', (event) => outcomes.push(event.defaultPrevented));
    (page.document.getElementById('f') as HTMLInputElement).click();
    expect(outcomes).toEqual([false]);
  });
});
