/**
 * Electron gives no main-process hook for window.print() or <input type=file>; both
 * open a native dialog that can browse the disk (print to file, pick a file). The
 * shells' preloads run this function in the page's own world before any page script
 * (contextBridge.executeInMainWorld), so the page sees a print() that does nothing and
 * file inputs that never open. Keyboard printing (Ctrl+P) is already refused by the key
 * filter, downloads by the session, and the File System Access pickers by the
 * permission handler; the pickers are replaced here too so no dialog even starts.
 *
 * The function is serialised into the page: it must not use anything outside itself.
 */
export function blockNativeDialogs(): void {
  const lock = (target: object, name: string, value: unknown) => {
    try {
      Object.defineProperty(target, name, { value, writable: false, configurable: false });
    } catch {
      // Already locked (a second run in the same world): nothing to do.
    }
  };
  const refused = () => Promise.reject(new DOMException('Not allowed on this screen', 'NotAllowedError'));
  lock(window, 'print', () => undefined);
  for (const picker of ['showOpenFilePicker', 'showSaveFilePicker', 'showDirectoryPicker']) lock(window, picker, refused);
  const isFileInput = (node: unknown): boolean => node instanceof HTMLInputElement && node.type.toLowerCase() === 'file';
  // showPicker() and click() on a file input are the two ways a script opens the chooser.
  const proto = HTMLInputElement.prototype;
  const showPicker = Object.getOwnPropertyDescriptor(proto, 'showPicker')?.value as ((this: HTMLInputElement) => void) | undefined;
  if (showPicker) {
    lock(proto, 'showPicker', function (this: HTMLInputElement) {
      if (isFileInput(this)) throw new DOMException('Not allowed on this screen', 'NotAllowedError');
      showPicker.call(this);
    });
  }
  // A click (a tap, a label, a script's click()) on a file input: its default action opens the chooser.
  window.addEventListener(
    'click',
    (event) => {
      const path = event.composedPath();
      if (path.some(isFileInput) || (event.target instanceof HTMLLabelElement && isFileInput(event.target.control))) event.preventDefault();
    },
    true,
  );
  // Files dropped on a file input, kept off the page too.
  window.addEventListener('drop', (event) => event.preventDefault(), true);
  window.addEventListener('dragover', (event) => event.preventDefault(), true);
}
