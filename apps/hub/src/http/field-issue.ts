import { FIELD_RULES, type FieldIssue, type FieldRule } from '@layso/shared';
import type { z } from 'zod';

/**
 * A zod issue as a wire field issue: the path, the validator's message (for logs and
 * old clients) and the rule it broke with its bound, which is what a console words in
 * its own language.
 */
export function fieldIssueOf(issue: z.core.$ZodIssue, message: string = issue.message): FieldIssue {
  const path = issue.path.map(String).join('.') || '(root)';
  const { rule, limit } = ruleOf(issue);
  return { path, message, rule, ...(limit === undefined ? {} : { limit }) };
}

const NUMBERS = new Set(['number', 'int', 'bigint']);
const LISTS = new Set(['array', 'set']);

function ruleOf(issue: z.core.$ZodIssue): { rule: FieldRule; limit?: number } {
  switch (issue.code) {
    case 'too_small':
      return { rule: NUMBERS.has(issue.origin) ? 'too-small' : LISTS.has(issue.origin) ? 'too-few' : 'too-short', limit: Number(issue.minimum) };
    case 'too_big':
      return { rule: NUMBERS.has(issue.origin) ? 'too-big' : LISTS.has(issue.origin) ? 'too-many' : 'too-long', limit: Number(issue.maximum) };
    case 'invalid_format':
      return { rule: 'bad-format' };
    case 'invalid_type':
      return { rule: 'wrong-type' };
    case 'invalid_value':
    case 'unrecognized_keys':
    case 'invalid_key':
      return { rule: 'not-allowed' };
    case 'custom': {
      // The config schema's own checks name their rule (and bound) in `params`.
      const params = (issue.params ?? {}) as { rule?: unknown; limit?: unknown };
      const rule = FIELD_RULES.find((r) => r === params.rule) ?? 'other';
      return typeof params.limit === 'number' ? { rule, limit: params.limit } : { rule };
    }
    default:
      return { rule: 'other' };
  }
}
