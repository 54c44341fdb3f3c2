/** Renders the kiosk App into jsdom with a store the test controls. */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { App } from '../app.js';
import { KioskStoreProvider } from '../store/kiosk-context.js';
import { createKioskStore, type KioskDeps, type KioskStore } from '../store/kiosk-store.js';
import { hubStateFixture } from './fixtures.js';
import { fakeDeps } from './fake-deps.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface RenderedApp {
  store: KioskStore;
  deps: ReturnType<typeof fakeDeps>;
  container: HTMLElement;
  byTestId(id: string): HTMLElement | null;
  click(id: string): void;
  unmount(): void;
}

export function renderApp(overrides: Partial<KioskDeps> = {}): RenderedApp {
  const deps = fakeDeps(overrides);
  const store = createKioskStore(deps);
  store.getState().setHub(hubStateFixture());
  store.getState().setConnection('online');
  const container = document.createElement('div');
  document.body.append(container);
  let root: Root;
  act(() => {
    root = createRoot(container);
    root.render(
      <KioskStoreProvider store={store}>
        <App bridge={deps.bridge} />
      </KioskStoreProvider>,
    );
  });
  const byTestId = (id: string) => container.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  return {
    store,
    deps,
    container,
    byTestId,
    click(id) {
      const element = byTestId(id);
      if (!element) throw new Error(`no element ${id}`);
      act(() => {
        element.dispatchEvent(new MouseEvent('pointerdown', { bubbles: true }));
        element.click();
      });
    },
    unmount() {
      act(() => root.unmount());
      container.remove();
    },
  };
}
