import { resolve } from 'node:path';
import { parseCommandArgs } from '../../cli/cli-args.js';
import { SEED_YEAR_USAGE } from '../../cli/usage.js';
import { seedYear } from './seed-year.js';

/**
 * `pnpm layso seed-year --data DIR [--days 365] [--seed N]`: fills an empty data
 * folder with the seeded center and a year of history (docs/reports.md). Returns the
 * summary line; throws with a message for the CLI to print on bad arguments.
 */
export function seedYearCommand(args: string[], progress: (message: string) => void): string {
  const values = parseCommandArgs('seed-year', SEED_YEAR_USAGE, args, ['data', 'days', 'seed']);
  if (!values.data) throw new Error('seed-year needs --data DIR');
  const days = values.days === undefined ? 365 : Number(values.days);
  if (!Number.isInteger(days) || days < 1 || days > 3660) throw new Error('--days must be a whole number of days, 1–3660');
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0) throw new Error('--seed must be a non-negative integer');
  const result = seedYear({ dataDir: resolve(values.data), days, seed, progress });
  return `seeded ${result.tickets.toLocaleString('en')} tickets from ${result.firstDay} to ${result.lastDay} into ${result.file} in ${(result.seedMs / 1000).toFixed(0)} s; rollups ${(result.rollupMs / 1000).toFixed(0)} s`;
}
