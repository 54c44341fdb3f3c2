export type CapRefusal = 'address-full' | 'all-full';

/**
 * Counts public (no token) sockets per remote address and in all. Generous per
 * address: the phones of a hall full of citizens on one carrier share a NAT address.
 */
export class PublicSocketCaps {
  private readonly perAddress = new Map<string, number>();
  private total = 0;

  constructor(private readonly limits: { publicPerAddress: number; publicTotal: number }) {}

  /** Takes a place for one socket from `address`, or says why there is none. */
  admit(address: string): CapRefusal | null {
    if (this.total >= this.limits.publicTotal) return 'all-full';
    const count = this.perAddress.get(address) ?? 0;
    if (count >= this.limits.publicPerAddress) return 'address-full';
    this.perAddress.set(address, count + 1);
    this.total += 1;
    return null;
  }

  /** Gives back a place taken by `admit` (once per admitted socket). */
  release(address: string): void {
    const count = this.perAddress.get(address) ?? 0;
    if (count === 0) return;
    if (count === 1) this.perAddress.delete(address);
    else this.perAddress.set(address, count - 1);
    this.total -= 1;
  }

  count(address?: string): number {
    return address === undefined ? this.total : (this.perAddress.get(address) ?? 0);
  }
}
