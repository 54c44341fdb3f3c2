import type { AdminConfigResponse, AuditAction, CenterConfig } from '@layso/shared';
import type { AuditLogStore } from '../audit/audit-log-store.js';
import { auditActor } from '../auth/audit-actor.js';
import type { Device } from '../auth/caller.js';
import type { CounterBindings, CounterRenumbering } from '../devices/counter-renumbering.js';
import type { Clock } from '../queue/ports.js';
import type { Outcome, QueueCore, QueueEvent } from '../queue/queue-core.js';
import type { SqliteTicketCounts } from '../store/sqlite-ticket-counts.js';
import type { ConfigChange } from './config-change.js';
import type { TodayUsage } from './today-usage.js';

export interface AdminConfigServiceDeps {
  core: QueueCore;
  audit: AuditLogStore;
  counts: Pick<SqliteTicketCounts, 'unfinished'>;
  publish(events: readonly QueueEvent[]): void;
  clock: Clock;
  /**
   * Moves a renumbered counter's device tokens, door screens and clerk sign-in to its
   * new number (createCounterRenumbering). Without it they stay on the old number.
   */
  renumbering?: CounterRenumbering;
}

/** Builds one change from the current configuration (and what today's tickets use); throws ConfigChangeError to refuse. */
export type ChangeBuilder = (config: CenterConfig, usage: TodayUsage) => ConfigChange;

/**
 * Live center configuration and operations (docs/admin-center.md). Every change is
 * applied to the current config by a pure function that explains refusals, then
 * stored together with its audit entry in one transaction, then pushed to kiosks
 * and boards as `catalog:changed`.
 */
export class AdminConfigService {
  private readonly usage: TodayUsage;

  constructor(private readonly deps: AdminConfigServiceDeps) {
    const { core } = deps;
    this.usage = {
      unfinishedTickets: (serviceId) => deps.counts.unfinished(core.currentDay, serviceId),
      servingTicket: (counter) => (core.hasCounter(counter) ? core.views.counterView(counter).current : null),
    };
  }

  view(): AdminConfigResponse {
    const { core } = this.deps;
    return { config: core.config, dayState: { day: core.currentDay, open: core.isOpen(), closedEarly: core.closedEarly } };
  }

  /** Runs one change: audit entry and config write commit together, then screens are told. */
  change(caller: Device | null, build: ChangeBuilder): AdminConfigResponse {
    const { core, renumbering } = this.deps;
    let moved: CounterBindings | null = null;
    const outcome = core.inOneCommit(() => {
      const change = build(core.config, this.usage);
      // Pausing a paused service, saving unchanged settings: nothing to store, audit or push.
      if (JSON.stringify(change.config) === JSON.stringify(core.config)) return { value: undefined, events: [] };
      moved = change.renumber && renumbering ? renumbering.move(change.renumber.from, change.renumber.to) : null;
      // The audit entry names what moved along: the same devices and clerk, before and after.
      const before = moved ? { ...(change.before as object), ...moved } : change.before;
      const after = moved ? { ...(change.after as object), ...moved } : change.after;
      this.deps.audit.record({ actor: auditActor(caller), action: change.action, target: change.target, before, after }, this.deps.clock.now());
      // Last in the transaction: replaceConfig swaps the in-memory model, nothing may fail after it.
      return core.replaceConfig(change.config);
    });
    this.deps.publish(outcome.events);
    if (moved) renumbering?.announce(moved);
    return this.view();
  }

  /** Closes the day early (nothing to do when it already is). */
  closeDay(caller: Device | null): AdminConfigResponse {
    const { core } = this.deps;
    return core.closedEarly ? this.view() : this.operate(caller, 'day.close', () => core.closeDay());
  }

  /** Reopens a day closed early (nothing to do otherwise). */
  reopenDay(caller: Device | null): AdminConfigResponse {
    const { core } = this.deps;
    return core.closedEarly ? this.operate(caller, 'day.reopen', () => core.reopenDay()) : this.view();
  }

  /** Close/reopen: the day state is meta, not config, but audited the same way. */
  private operate(caller: Device | null, action: AuditAction, run: () => Outcome<void>): AdminConfigResponse {
    const { core } = this.deps;
    const before = core.closedEarly;
    const outcome = core.inOneCommit(() => {
      this.deps.audit.record({ actor: auditActor(caller), action, target: `day:${core.currentDay}`, before: { closedEarly: before }, after: { closedEarly: !before } }, this.deps.clock.now());
      return run();
    });
    this.deps.publish(outcome.events);
    return this.view();
  }
}
