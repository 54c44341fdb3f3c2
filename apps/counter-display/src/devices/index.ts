// Public API of the serial device drivers, for the Electron main process.
export { LedBoardDriver, type LedBoardDriverOptions } from './led-board-driver.js';
export { KeypadDriver, type KeypadDriverOptions, type KeypadActionListener } from './keypad-driver.js';
export {
  KeypadHubBridge,
  HUB_COMMAND_BY_KEYPAD_ACTION,
  type KeypadHubBridgeOptions,
  type KeypadHubResult,
  type FetchLike,
  type HubCounterCommand,
} from './keypad-hub-bridge.js';
export { KEYPAD_ACTIONS, DEFAULT_KEYPAD_KEY_MAP, type KeypadAction, type KeypadKeyMap } from './keypad-actions.js';
export { DEFAULT_DEBOUNCE_MS } from './keypad-decoder.js';
export { DEFAULT_LED_TEXTS, type LedDisplayState, type LedMessage, type LedTexts } from './led-message.js';
export { createLedProtocol, ledProtocolIds } from './led-protocols/registry.js';
export type { LedProtocol, LedProtocolDefinition, LedProtocolOptions } from './led-protocols/led-protocol.js';
export { DEFAULT_BACKOFF, type BackoffSettings } from '@layso/electron-shell/serial';
export { DEFAULT_BAUD_RATE, type ConnectionStatus, type StatusListener, type SerialPortFactory } from '@layso/electron-shell/serial';
export type { Timers, Clock } from '@layso/electron-shell/serial';
