import { centerConfigSchema, ErrorCode, type CenterConfig, type CenterConfigInput } from '@layso/shared';
import { fieldIssueOf } from '../http/field-issue.js';
import { ConfigChangeError } from './config-change-error.js';

/**
 * Validates a whole candidate configuration with the same schema the hub loads it
 * with, so nothing the admin console does can store a config the hub would refuse
 * at its next start. Refusals name the thing in words ("service "visa" › prefix")
 * besides the raw path, since array indexes mean nothing to a person.
 */
export function validateCenterConfig(candidate: CenterConfigInput): CenterConfig {
  const result = centerConfigSchema.safeParse(candidate);
  if (result.success) return result.data;
  const details = result.error.issues.slice(0, 20).map((issue) => fieldIssueOf(issue, `${describePath(candidate, issue.path)}: ${issue.message}`));
  throw new ConfigChangeError(ErrorCode.VALIDATION, `Cấu hình không hợp lệ / invalid configuration: ${details[0]!.message}`, { kind: 'invalid-config' }, details);
}

/** `['areas', 0, 'services', 1, 'prefix']` → `service "visa" › prefix`. */
export function describePath(config: CenterConfigInput, path: readonly PropertyKey[]): string {
  const [head, index, ...rest] = path;
  if (head === 'areas' && typeof index === 'number') {
    const area = config.areas?.[index];
    const [sub, serviceIndex, ...serviceRest] = rest;
    if (sub === 'services' && typeof serviceIndex === 'number') {
      return join(`service "${area?.services?.[serviceIndex]?.id ?? serviceIndex}"`, serviceRest);
    }
    return join(`area "${area?.id ?? index}"`, rest);
  }
  if (head === 'counters' && typeof index === 'number') {
    return join(`counter ${config.counters?.[index]?.number ?? `#${index + 1}`}`, rest);
  }
  return path.map(String).join('.') || 'configuration';
}

function join(subject: string, rest: readonly PropertyKey[]): string {
  return rest.length > 0 ? `${subject} › ${rest.map(String).join('.')}` : subject;
}
