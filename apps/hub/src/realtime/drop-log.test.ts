import { describe, expect, it } from 'vitest';
import { DropLog } from './drop-log.js';

describe('DropLog', () => {
  it('logs the first drop at once, then at most once a minute with the counts since', () => {
    let now = 0;
    const lines: string[] = [];
    const drops = new DropLog((line) => lines.push(line), () => now);
    drops.record('flooding', '10.0.0.5');
    expect(lines).toEqual(['sockets cut or refused by the limits: 1 flooding (1 of 1 from 10.0.0.5)']);
    for (let i = 0; i < 500; i++) drops.record('flooding', '10.0.0.5');
    drops.record('not reading', '10.0.0.7');
    now = 59_999;
    drops.record('flooding', '10.0.0.5');
    expect(lines).toHaveLength(1);
    now = 60_000;
    drops.record('refused: too many public sockets', '10.0.0.5');
    expect(lines[1]).toBe('sockets cut or refused by the limits: 501 flooding, 1 not reading, 1 refused: too many public sockets (502 of 503 from 10.0.0.5)');
  });

  it('a clock set back logs rather than staying silent until it catches up', () => {
    let now = 1_000_000;
    const lines: string[] = [];
    const drops = new DropLog((line) => lines.push(line), () => now);
    drops.record('flooding', 'a');
    now = 0;
    drops.record('flooding', 'a');
    expect(lines).toHaveLength(2);
  });
});
