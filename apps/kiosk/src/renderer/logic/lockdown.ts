/**
 * Nothing a citizen can break in the page: no context menu (long press), no text
 * selection, no pinch or ctrl+wheel zoom, no drag-and-drop navigation, no browser
 * back. CSS does the rest (user-select, touch-action). The Electron shell blocks
 * navigation and shortcuts again on its side.
 */
const ZOOM_KEYS = new Set(['+', '-', '=', '_', '0']);

export function installLockdown(target: Window = window): () => void {
  const prevent = (event: Event) => event.preventDefault();
  const onWheel = (event: WheelEvent) => {
    if (event.ctrlKey) event.preventDefault();
  };
  const onTouch = (event: TouchEvent) => {
    if (event.touches.length > 1) event.preventDefault();
  };
  const onKey = (event: KeyboardEvent) => {
    const withModifier = event.ctrlKey || event.metaKey || event.altKey;
    if ((withModifier && (ZOOM_KEYS.has(event.key) || /^[a-z]$/i.test(event.key) || event.key.startsWith('Arrow'))) || /^F\d+$/.test(event.key)) {
      event.preventDefault();
    }
  };
  // Browser back (gesture, mouse button): stay on the kiosk page.
  const onPopState = () => target.history.pushState(null, '', target.location.href);
  target.history.pushState(null, '', target.location.href);

  const listeners: [string, EventListener, AddEventListenerOptions][] = [
    ['contextmenu', prevent, {}],
    ['selectstart', prevent, {}],
    ['dragstart', prevent, {}],
    ['dragover', prevent, {}],
    ['drop', prevent, {}],
    ['gesturestart', prevent, {}],
    ['wheel', onWheel as EventListener, { passive: false }],
    ['touchstart', onTouch as EventListener, { passive: false }],
    ['touchmove', onTouch as EventListener, { passive: false }],
    ['keydown', onKey as EventListener, {}],
    ['popstate', onPopState, {}],
  ];
  for (const [name, listener, options] of listeners) target.addEventListener(name, listener, options);
  return () => {
    for (const [name, listener, options] of listeners) target.removeEventListener(name, listener, options);
  };
}
