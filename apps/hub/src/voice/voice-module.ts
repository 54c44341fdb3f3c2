import type Database from 'better-sqlite3';
import type { HubModule } from '../http/hub-module.js';
import type { Clock } from '../queue/ports.js';
import type { AuditLogStore } from '../audit/audit-log-store.js';
import { transactionRunner } from '../store/transaction-runner.js';
import { VoiceClipStore } from './voice-clip-store.js';
import { buildVoiceRoutes } from './voice-routes.js';
import { VoiceService } from './voice-service.js';

export interface VoiceModuleDeps {
  db: Database.Database;
  clock: Clock;
  audit: AuditLogStore;
}

/** The center's own announcement voice (docs/admin.md, "Giọng đọc"). */
export function createVoiceModule(deps: VoiceModuleDeps): HubModule & { service: VoiceService } {
  const service = new VoiceService(new VoiceClipStore(deps.db), transactionRunner(deps.db), deps.clock, deps.audit);
  return { name: 'voice', routes: buildVoiceRoutes(service), service };
}
