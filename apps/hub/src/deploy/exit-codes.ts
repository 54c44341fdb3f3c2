/**
 * How `layso serve` (and the CLI commands that open the database) end, so a service
 * manager can tell "restart me" from "a person has to look". docs/install.md lists
 * them; the systemd unit and the Windows service script do not restart on DATA.
 */
export const EXIT_CODE = {
  /** A clean stop (SIGTERM, SIGINT). */
  OK: 0,
  /** A crash or a passing problem (the port is taken, the disk is full at start): restarting may help. */
  FAILURE: 1,
  /**
   * EX_DATAERR: the database needs a person — empty, damaged, unreadable, not a file,
   * from a newer release, or an upgrade failed. Restarting would only repeat the refusal.
   */
  DATA: 65,
} as const;
