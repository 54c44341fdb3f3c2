import type { AdminSettingsRequest, CenterConfig } from '@layso/shared';
import { changedFields, patch, type ConfigChange } from './config-change.js';
import { validateCenterConfig } from './validate-config.js';

type Settings = Omit<CenterConfig, 'areas' | 'counters'>;

/**
 * Changes center-wide settings: only the fields given; `null` clears an optional
 * one (English name, board notice). The audit entry holds just the changed fields.
 */
export function updateSettings(config: CenterConfig, request: AdminSettingsRequest): ConfigChange {
  const { areas, counters, ...settings } = config;
  const updated = patch<Settings>(settings, request as Partial<Settings>);
  const next = validateCenterConfig({ ...updated, areas, counters });
  const { areas: _a, counters: _c, ...after } = next;
  const diff = changedFields(settings, after);
  return { config: next, action: 'settings.update', target: 'center', before: redact(diff.before), after: redact(diff.after) };
}

/** Secrets never go into the audit log: it is shown to every admin and exported. */
function redact(fields: Record<string, unknown>): Record<string, unknown> {
  const out = { ...fields };
  if (out.portal && typeof out.portal === 'object') {
    const portal = { ...(out.portal as Record<string, unknown>) };
    if ('secret' in portal) portal.secret = '***';
    out.portal = portal;
  }
  if (out.notify && typeof out.notify === 'object') out.notify = '(changed)';
  return out;
}
