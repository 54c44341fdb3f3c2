import { inspect } from 'node:util';
import { DEFAULT_TIME_ZONE, isoTimestamp } from '@layso/shared';

/** What the hub's parts are given as `log`: a message, and the error (or detail) behind it if any. */
export type LogFn = (message: string, error?: unknown) => void;

export type LogLevel = 'INFO' | 'WARN' | 'ERROR';

/**
 * Personal data never reaches a log line (Decree 13/2023): phone numbers and e-mail
 * addresses are cut to what tells two citizens apart (like `maskRecipient`), tokens and
 * secrets to their kind, and the `name` of a contact in JSON an error may echo (a
 * gateway's answer, a request body) to `***`. A citizen's name in free text cannot be
 * recognised, so the hub never writes one into a message.
 */
export function maskPersonalData(text: string): string {
  return (
    text
      // Device and session tokens (`lys_` + 43 base64url characters), wherever they appear.
      .replace(/lys_[A-Za-z0-9_-]{8,}/g, 'lys_***')
      .replace(/\b(Bearer)\s+[A-Za-z0-9._~+/=-]+/gi, '$1 ***')
      .replace(/([?&#]token=)[^&\s#"']+/gi, '$1***')
      // "password": "…", access_token=…: secrets as JSON members or key=value pairs.
      .replace(/("(?:password|pin|secret|token|access_token|refresh_token|api_?key)"\s*:\s*)"(?:[^"\\]|\\.)*"/gi, '$1"***"')
      .replace(/\b((?:password|pin|secret|access_token|refresh_token|api_?key)=)[^&\s,;"']+/gi, '$1***')
      .replace(/("(?:name|fullName|contactName)"\s*:\s*)"(?:[^"\\]|\\.)*"/g, '$1"***"')
      .replace(/([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})/g, '$1***@$2')
      // Vietnamese numbers: 0 or (+)84, then 9 digits (10 for some old ones), written together
      // or grouped 4-3-3 with spaces, dots or dashes. Nothing glued to a version, date or file name.
      .replace(/(?<![\w.*+-])(?:(?:\+?84|0)[1-9]\d{8,9}|(?:\+?84[ .-]?|0)[1-9]\d{1,2}[ .-]\d{3}[ .-]\d{3,4})(?![\w*]|[.-]\d)/g, (phone) => {
        const digits = phone.replace(/[ .-]/g, '');
        return `${digits.slice(0, 4)}***${digits.slice(-3)}`;
      })
  );
}

// In hub.log, the center's time zone unless told otherwise (the helper is shared with the apps).
export { isoTimestamp };

/** ERROR when there is an Error, WARN when there is another detail, INFO for a plain message. */
export function levelOf(error: unknown): LogLevel {
  if (error === undefined) return 'INFO';
  return error instanceof Error ? 'ERROR' : 'WARN';
}

/**
 * The text of one log entry: every line (a stack trace's too) starts with the time and
 * the level, so `grep`, `findstr` and log shippers see whole entries.
 */
export function formatLogEntry(level: LogLevel, message: string, error: unknown, at: Date, options: { mask?: boolean; timeZone?: string } = {}): string {
  const detail = error === undefined ? '' : typeof error === 'string' ? `: ${error}` : `: ${inspect(error, { breakLength: Infinity, depth: 4 })}`;
  const text = options.mask === false ? `${message}${detail}` : maskPersonalData(`${message}${detail}`);
  const prefix = `${isoTimestamp(at, options.timeZone)} ${level.padEnd(5)} `;
  return text
    .split(/\r?\n/)
    .map((line) => `${prefix}${line}\n`)
    .join('');
}

export interface HubLogger {
  /** The `log` every part of the hub is given. */
  log: LogFn;
  /**
   * A start-banner line (stdout): time and level like every line, not masked, because it
   * shows what the operator needs once (the first admin's one-time password, the demo's
   * provisioning links).
   */
  banner(line: string): void;
}

export interface LoggerOptions {
  /** Where log entries go (default stderr). */
  writeLog?: (text: string) => void;
  /** Where the banner goes (default stdout). */
  writeBanner?: (text: string) => void;
  now?: () => Date;
  timeZone?: string;
}

export function createLogger(options: LoggerOptions = {}): HubLogger {
  const writeLog = options.writeLog ?? ((text) => process.stderr.write(text));
  const writeBanner = options.writeBanner ?? ((text) => process.stdout.write(text));
  const now = options.now ?? (() => new Date());
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  return {
    log: (message, error) => writeLog(formatLogEntry(levelOf(error), message, error, now(), { timeZone })),
    banner: (line) => writeBanner(formatLogEntry('INFO', line, undefined, now(), { mask: false, timeZone })),
  };
}

/** The process's logger: what a hub started without its own `log` writes through. */
export const hubLogger = createLogger();
