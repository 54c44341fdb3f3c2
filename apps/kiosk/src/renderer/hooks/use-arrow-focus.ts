/**
 * Keypad navigation: a USB keypad or keyboard next to the screen (for citizens who
 * cannot use the touchscreen) moves between the screen's controls with the arrow keys
 * as with Tab, and Enter or Space activates the focused button (the browser's own).
 */
import { useEffect } from 'react';

const CONTROLS = '.kiosk button:not([disabled]), .kiosk input:not([disabled]), .kiosk [tabindex="0"]';
const FORWARD = new Set(['ArrowDown', 'ArrowRight']);
const BACKWARD = new Set(['ArrowUp', 'ArrowLeft']);

export function useArrowFocus(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const step = FORWARD.has(event.key) ? 1 : BACKWARD.has(event.key) ? -1 : 0;
      if (step === 0 || event.altKey || event.ctrlKey || event.metaKey) return;
      // A text field keeps its arrows for the caret.
      if (document.activeElement instanceof HTMLInputElement && document.activeElement.type !== 'checkbox') return;
      const controls = [...document.querySelectorAll<HTMLElement>(CONTROLS)].filter((element) => element.offsetParent !== null);
      if (controls.length === 0) return;
      const at = controls.indexOf(document.activeElement as HTMLElement);
      const next = at === -1 ? (step === 1 ? 0 : controls.length - 1) : (at + step + controls.length) % controls.length;
      event.preventDefault();
      controls[next]!.focus();
      controls[next]!.scrollIntoView({ block: 'nearest' });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
