/** This renderer's version (from its package.json), sent when pairing and in status reports. */
import { version } from '../../package.json';

export const APP_VERSION: string = version;
