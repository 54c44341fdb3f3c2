import { readFileSync } from 'node:fs';
import { centerConfigSchema, type CenterConfig } from '@layso/shared';

/** Reads and validates a center.json; throws one message listing every problem. */
export function loadConfigFile(path: string): CenterConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read center config ${path}: ${(error as Error).message}`, { cause: error });
  }
  const parsed = centerConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  - ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new Error(`center config ${path} is invalid:\n${problems.join('\n')}`);
  }
  return parsed.data;
}
