import type { ChildProcess } from 'node:child_process';
import type { ExitStatus } from './bundle-process.js';

/**
 * What systemd's `Restart=always` (and NSSM's default exit action) does for the hub:
 * whenever the process ends, however it ended, start it again after a short pause.
 * `stop()` is `systemctl stop`: SIGTERM, and no restart after it.
 */
export class RestartSupervisor {
  private current: { child: ChildProcess; exited: Promise<ExitStatus> } | null = null;
  private stopping = false;
  /** How each run ended, in order. */
  readonly exits: ExitStatus[] = [];
  private waiters: (() => void)[] = [];

  constructor(
    private readonly start: () => { child: ChildProcess; exited: Promise<ExitStatus> },
    private readonly restartDelayMs = 100,
  ) {}

  run(): void {
    const run = this.start();
    this.current = run;
    this.waiters.splice(0).forEach((wake) => wake());
    void run.exited.then((status) => {
      this.exits.push(status);
      if (this.stopping) return;
      setTimeout(() => {
        if (!this.stopping) this.run();
      }, this.restartDelayMs);
    });
  }

  /** The process running now. */
  get child(): ChildProcess {
    if (!this.current) throw new Error('the supervisor has not started anything');
    return this.current.child;
  }

  /** Resolves when a process other than `previous` has been started. */
  async nextStart(previous: ChildProcess): Promise<ChildProcess> {
    while (this.current?.child === previous) await new Promise<void>((resolve) => this.waiters.push(resolve));
    return this.child;
  }

  async stop(): Promise<ExitStatus | null> {
    this.stopping = true;
    const run = this.current;
    if (!run) return null;
    if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill('SIGTERM');
    return run.exited;
  }
}
