import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_DIR } from './paths.js';

export interface Check {
  bench: string;
  name: string;
  value: number;
  unit: string;
  target: string;
  pass: boolean;
}

export interface Info {
  bench: string;
  name: string;
  value: number | string;
  unit: string;
}

/** Collects result lines and PASS/FAIL checks, prints them as they come and as a summary. */
export class Report {
  readonly checks: Check[] = [];
  readonly infos: Info[] = [];
  private bench = '';

  section(bench: string, title: string): void {
    this.bench = bench;
    console.log(`\n=== ${bench}: ${title} ===`);
  }

  note(text: string): void {
    console.log(`  ${text}`);
  }

  /** A measured number with no target of its own. */
  info(name: string, value: number | string, unit = ''): void {
    this.infos.push({ bench: this.bench, name, value, unit });
    console.log(`  RESULT ${name}: ${format(value)}${unit ? ` ${unit}` : ''}`);
  }

  /** A measured number against its target: `atMost` or `atLeast`. */
  check(name: string, value: number, unit: string, target: { atMost: number } | { atLeast: number }): boolean {
    const pass = 'atMost' in target ? value <= target.atMost : value >= target.atLeast;
    const targetText = 'atMost' in target ? `≤ ${target.atMost}` : `≥ ${target.atLeast}`;
    this.checks.push({ bench: this.bench, name, value, unit, target: `${targetText}${unit ? ` ${unit}` : ''}`, pass });
    console.log(`  RESULT ${name}: ${format(value)}${unit ? ` ${unit}` : ''}  (target ${targetText})  ${pass ? 'PASS' : 'FAIL'}`);
    return pass;
  }

  /** A failure that has no number (an error, a scan where an index was expected). */
  fail(name: string, reason: string): void {
    this.checks.push({ bench: this.bench, name, value: Number.NaN, unit: '', target: reason, pass: false });
    console.log(`  RESULT ${name}: FAIL  (${reason})`);
  }

  get failed(): number {
    return this.checks.filter((c) => !c.pass).length;
  }

  printSummary(): void {
    console.log('\n=== summary ===');
    for (const c of this.checks) {
      const value = Number.isNaN(c.value) ? '—' : `${format(c.value)}${c.unit ? ` ${c.unit}` : ''}`;
      console.log(`  ${c.pass ? 'PASS' : 'FAIL'}  ${c.bench.padEnd(7)} ${c.name.padEnd(46)} ${value.padStart(16)}   target ${c.target}`);
    }
    console.log(`  ${this.checks.length - this.failed}/${this.checks.length} checks passed`);
  }

  /** Writes every number of the run as JSON next to the benchmark data. */
  save(meta: Record<string, unknown>): string {
    const dir = join(BENCH_DIR, 'results');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `run-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    const text = JSON.stringify({ ...meta, checks: this.checks, infos: this.infos }, null, 2);
    writeFileSync(file, text);
    writeFileSync(join(dir, 'last.json'), text);
    return file;
  }
}

function format(value: number | string): string {
  if (typeof value === 'string') return value;
  if (Number.isInteger(value)) return String(value);
  return Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(2);
}
