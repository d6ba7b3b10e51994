import { execFileSync } from 'child_process';
import { cpuBetween, cpuFields, cpuSnapshot, serverGroup } from './cpu-meter';

describe('cpu-meter (the bench\'s CPU per inquiry and per baseline transaction)', () => {
  it('counts a process\'s CPU time in its group and nothing for a group that sat idle', () => {
    const child = Number(execFileSync('sh', ['-c', 'sleep 5 >/dev/null 2>&1 & echo $!']).toString().trim());
    const groupOf = (pid: number) => (pid === process.pid ? 'me' : pid === child ? 'sleeper' : undefined);
    const before = process.cpuUsage();
    const a = cpuSnapshot(groupOf)!;
    // 300 ms of this process's CPU time, however long the machine's other work makes that take.
    let x = 0;
    const used = () => { const u = process.cpuUsage(before); return (u.user + u.system) / 1e6; };
    while (used() < 0.3) x += Math.sqrt(x + 1);
    const use = cpuBetween(a, cpuSnapshot(groupOf)!);
    const spent = used();
    process.kill(child);
    expect(x).toBeGreaterThan(0);
    // /proc counts in 10 ms ticks.
    expect(Math.abs(use.groups.get('me')! - spent)).toBeLessThan(0.05);
    expect(use.groups.get('sleeper')).toBeLessThan(0.05);
    expect(use.machineBusy).toBeGreaterThan(0);
    expect(use.machineBusy).toBeLessThanOrEqual(1);
  });

  it('names the database server and the broker by their processes', () => {
    expect(serverGroup('postgres')).toBe('postgres');
    expect(serverGroup('beam.smp')).toBe('rabbitmq');
    expect(serverGroup('node')).toBeUndefined();
  });

  it('prints milliseconds per unit of work, their sum and the busy share', () => {
    const line = cpuFields({ seconds: 10, groups: new Map([['postgres', 2], ['intake', 1.5]]), machineBusy: 0.9 }, 1000);
    expect(line).toMatch(/^cpu_intake_ms=1\.50 cpu_postgres_ms=2\.00 cpu_total_ms=3\.50 cpu_busy=0\.90$/);
    expect(cpuFields({ seconds: 10, groups: new Map(), machineBusy: 0 }, 0)).toBe('');
  });
});
