/**
 * A minimal typed listener list. Drivers use this instead of EventEmitter so that
 * there is no magic 'error' event: an EventEmitter with no 'error' listener throws,
 * and a serial glitch must never take the Electron main process down.
 */
export class ListenerSet<Args extends unknown[]> {
  private readonly listeners = new Set<(...args: Args) => void>();

  /** Adds a listener; returns a function that removes it again. */
  add(listener: (...args: Args) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  emit(...args: Args): void {
    // Copy first: a listener may unsubscribe itself while we iterate.
    for (const listener of [...this.listeners]) {
      try {
        listener(...args);
      } catch (error) {
        // One faulty listener (e.g. a UI update) must not stop the others nor break
        // the serial read loop that called us; report it and carry on.
        console.error('[devices] listener failed', error);
      }
    }
  }
}
