/**
 * The part of Electron's WebContents these modules use, so they can be driven by a
 * plain EventEmitter in unit tests. WebContents satisfies it through its
 * NodeEventEmitter `on(eventName, listener)` signature.
 */
export interface EmitterLike {
  on(event: string, listener: (...args: unknown[]) => void): unknown;
}
