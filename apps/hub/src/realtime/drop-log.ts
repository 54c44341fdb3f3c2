export type DropReason = 'flooding' | 'not reading' | 'refused: too many public sockets';

/**
 * Tells the operator that sockets are being cut, without a flooder filling the log:
 * the first one is logged at once, later ones at most once per `everyMs`, counted by
 * reason with the address seen most.
 */
export class DropLog {
  private counts = new Map<DropReason, number>();
  private addresses = new Map<string, number>();
  private lastLogAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly log: (message: string) => void,
    private readonly now: () => number,
    private readonly everyMs = 60_000,
  ) {}

  record(reason: DropReason, address: string): void {
    this.counts.set(reason, (this.counts.get(reason) ?? 0) + 1);
    this.addresses.set(address, (this.addresses.get(address) ?? 0) + 1);
    const now = this.now();
    if (now >= this.lastLogAt && now - this.lastLogAt < this.everyMs) return;
    this.lastLogAt = now;
    const counts = [...this.counts].map(([why, n]) => `${n} ${why}`).join(', ');
    const [top, topCount] = [...this.addresses].sort((a, b) => b[1] - a[1])[0]!;
    const total = [...this.counts.values()].reduce((sum, n) => sum + n, 0);
    this.log(`sockets cut or refused by the limits: ${counts} (${topCount} of ${total} from ${top})`);
    this.counts = new Map();
    this.addresses = new Map();
  }
}
