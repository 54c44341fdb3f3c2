import { parseArgs } from 'node:util';
import { CliError } from './cli-error.js';

/** sysexits.h EX_USAGE: the command was used wrongly (an unknown flag, a missing value). */
export const EX_USAGE = 64;

/** `--help` was asked for: the CLI prints `message` (the usage) on stdout and exits 0. */
export class CliHelp extends CliError {
  constructor(usage: string) {
    super(usage, 0);
  }
}

/**
 * The command line after `node main.ts`, without the `--` that `pnpm layso -- serve …`
 * passes along (pnpm hands the separator to the script).
 */
export function commandLine(argv: readonly string[]): string[] {
  return argv[0] === '--' ? argv.slice(1) : [...argv];
}

type StringOptions<K extends string> = Record<K, { type: 'string' }>;

/**
 * One subcommand's flags: every flag takes a value, `--help`/`-h` prints `usage`, and
 * anything else (an unknown flag, a flag without its value, a stray argument) is one
 * line on stderr and exit 64 rather than node's stack trace.
 */
export function parseCommandArgs<K extends string>(command: string, usage: string, args: string[], flags: readonly K[]): Partial<Record<K, string>> {
  if (args.includes('--help') || args.includes('-h')) throw new CliHelp(usage);
  const options = Object.fromEntries(flags.map((flag) => [flag, { type: 'string' }])) as StringOptions<K>;
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values as Partial<Record<K, string>>;
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (!code.startsWith('ERR_PARSE_ARGS_')) throw error;
    // node's messages go on with advice about `--`; the first sentence is the point.
    const reason = (error as Error).message.split('. ')[0]!;
    throw new CliError(`layso ${command}: ${reason} (see: pnpm layso ${command} --help)`, EX_USAGE);
  }
}
