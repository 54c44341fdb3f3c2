import type { CenterConfig, ReportGroupBy } from '@layso/shared';

export interface RowLabel {
  label: string;
  labelEn: string;
}

/**
 * Names of report rows in both languages, from the current configuration (a service
 * or counter removed since keeps its id as its name) and the clerk list.
 */
export class ReportLabels {
  private readonly services = new Map<string, RowLabel>();
  private readonly counters = new Map<number, RowLabel>();

  constructor(
    readonly config: CenterConfig,
    private readonly clerks: Map<string, string>,
  ) {
    for (const area of config.areas) {
      for (const s of area.services) this.services.set(s.id, { label: s.name, labelEn: s.nameEn ?? s.name });
    }
    for (const c of config.counters) {
      this.counters.set(c.number, c.name ? { label: c.name, labelEn: c.name } : { label: `Quầy số ${c.number}`, labelEn: `Counter ${c.number}` });
    }
  }

  /** Configured services in configuration order: they get a row even without tickets. */
  serviceIds(): string[] {
    return [...this.services.keys()];
  }

  counterNumbers(): number[] {
    return [...this.counters.keys()].sort((a, b) => a - b);
  }

  service(id: string): RowLabel {
    return this.services.get(id) ?? { label: id, labelEn: id };
  }

  counter(number: number): RowLabel {
    return this.counters.get(number) ?? { label: `Quầy số ${number}`, labelEn: `Counter ${number}` };
  }

  row(groupBy: ReportGroupBy, key: string): RowLabel {
    if (groupBy === 'service') return this.service(key);
    if (groupBy === 'counter') return key === '' ? { label: 'Chưa gọi', labelEn: 'Never called' } : this.counter(Number(key));
    if (key === '') return { label: 'Không có cán bộ đăng nhập', labelEn: 'No clerk signed in' };
    const name = this.clerks.get(key.toLowerCase());
    return name ? { label: `${name} (${key})`, labelEn: `${name} (${key})` } : { label: key, labelEn: key };
  }

  /** Row order: configuration order for services, numbers for counters, codes for clerks; "none" last. */
  orderKeys(groupBy: ReportGroupBy, keys: Iterable<string>): string[] {
    const all = new Set(keys);
    if (groupBy === 'service') {
      const configured = this.serviceIds();
      for (const id of configured) all.add(id);
      const rank = new Map(configured.map((id, i) => [id, i]));
      return [...all].sort((a, b) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity) || a.localeCompare(b));
    }
    if (groupBy === 'counter') {
      for (const n of this.counterNumbers()) all.add(String(n));
      return [...all].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : Number(a) - Number(b)));
    }
    return [...all].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)));
  }
}
