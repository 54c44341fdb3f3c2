import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';

/** USER_HZ: /proc/stat counts jiffies of 1/100 s on x86-64 and arm64. */
const TICKS_PER_SECOND = 100;

/** CPU time (user + system) a process has used so far, in ms; 0 once it is gone. */
export function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces): utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND) * 1000;
  } catch {
    return 0;
  }
}

function busyMs(): number {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal …: everything but idle and iowait is busy.
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = fields;
  return ((user + nice + system + irq + softirq + steal) / TICKS_PER_SECOND) * 1000;
}

/**
 * Measures how busy the whole machine was over a phase, so a result taken while other
 * programs competed for the two cores says so. `own` is the CPU the benchmark's own
 * processes used in the same span (bench process + hub process).
 */
export class CpuWindow {
  private readonly busy0 = busyMs();
  private readonly wall0 = performance.now();
  private readonly self0 = process.cpuUsage();
  private readonly hub0: number;
  private readonly clients0: number;

  /** `hubCpuMs`: the hub process's CPU so far; `clientPids`: helper processes of the bench (display clients). */
  constructor(
    private readonly hubCpuMs: () => number = () => 0,
    private readonly clientPids: readonly number[] = [],
  ) {
    this.hub0 = hubCpuMs();
    this.clients0 = this.clientsCpuMs();
  }

  private clientsCpuMs(): number {
    return this.clientPids.reduce((sum, pid) => sum + processCpuMs(pid), 0);
  }

  /** Percentages of ONE core over the window: machine total, the bench (with its client processes), the hub, everything else. */
  end(): { machine: number; bench: number; hub: number; other: number; cores: number } {
    const wall = performance.now() - this.wall0;
    const self = process.cpuUsage(this.self0);
    const bench = (((self.user + self.system) / 1000 + this.clientsCpuMs() - this.clients0) / wall) * 100;
    const hub = ((this.hubCpuMs() - this.hub0) / wall) * 100;
    const machine = ((busyMs() - this.busy0) / wall) * 100;
    return { machine, bench, hub, other: Math.max(0, machine - bench - hub), cores: cpus().length };
  }
}

export function describeCpu(c: ReturnType<CpuWindow['end']>): string {
  const pct = (v: number) => `${v.toFixed(0)}%`;
  return `CPU (100% = one core, ${c.cores} cores): hub ${pct(c.hub)}, bench and its clients ${pct(c.bench)}, other processes on the machine ${pct(c.other)}`;
}
