/**
 * CPU time (user + system) per group of processes, read from Linux's /proc: where the machine's
 * two cores go per inquiry in an end-to-end run, set against what one database-baseline
 * transaction costs. Ratios between those two are what the end-to-end target really compares.
 */
import { readdirSync, readFileSync } from 'fs';

// /proc reports times in USER_HZ ticks, which Linux fixes at 100 per second for user space.
const TICKS_PER_S = 100;

/** Names a process's group, or leaves it out (undefined). */
export type GroupOf = (pid: number, comm: string) => string | undefined;

export interface CpuSnapshot {
  at: number;
  /** CPU seconds per group, of the processes alive now. */
  groups: Map<string, number>;
  /** The machine's busy and total ticks (all cores), from /proc/stat. */
  machineBusy: number;
  machineTotal: number;
}

/** The database server and the broker, by their processes' names. */
export function serverGroup(comm: string): string | undefined {
  if (comm === 'postgres') return 'postgres';
  if (['beam.smp', 'erl_child_setup', 'epmd', 'inet_gethost'].includes(comm)) return 'rabbitmq';
  return undefined;
}

/** Undefined where there is no /proc (not Linux): the figures are then left out. */
export function cpuSnapshot(groupOf: GroupOf): CpuSnapshot | undefined {
  let pids: string[];
  let stat: string;
  try {
    pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
    stat = readFileSync('/proc/stat', 'utf8');
  } catch {
    return undefined;
  }
  const groups = new Map<string, number>();
  for (const pid of pids) {
    let line: string;
    try {
      line = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    // "pid (comm) state …": comm may hold spaces and parentheses, so split after the last ')'.
    const close = line.lastIndexOf(')');
    const group = groupOf(Number(pid), line.slice(line.indexOf('(') + 1, close));
    if (!group) continue;
    const f = line.slice(close + 2).split(' ');
    groups.set(group, (groups.get(group) ?? 0) + (Number(f[11]) + Number(f[12])) / TICKS_PER_S);
  }
  // cpu  user nice system idle iowait irq softirq steal …
  const t = stat.split('\n')[0].trim().split(/\s+/).slice(1, 9).map(Number);
  const total = t.reduce((a, b) => a + b, 0);
  return { at: Date.now(), groups, machineBusy: total - t[3] - t[4], machineTotal: total };
}

export interface CpuUse {
  seconds: number;
  /** CPU seconds per group over the interval (processes that exited meanwhile are not counted). */
  groups: Map<string, number>;
  /** Share of all cores busy over the interval, whatever ran. */
  machineBusy: number;
}

export function cpuBetween(a: CpuSnapshot, b: CpuSnapshot): CpuUse {
  const groups = new Map<string, number>();
  for (const [g, s] of b.groups) groups.set(g, Math.max(0, s - (a.groups.get(g) ?? 0)));
  const total = b.machineTotal - a.machineTotal;
  return { seconds: (b.at - a.at) / 1000, groups, machineBusy: total > 0 ? (b.machineBusy - a.machineBusy) / total : 0 };
}

/** `cpu_<group>_ms=…` fields (milliseconds per unit of work), their sum and the machine's busy share. */
export function cpuFields(use: CpuUse, units: number): string {
  if (units <= 0) return '';
  const ms = (s: number) => ((s * 1000) / units).toFixed(2);
  const total = [...use.groups.values()].reduce((a, b) => a + b, 0);
  return [...[...use.groups].sort(([x], [y]) => x.localeCompare(y)).map(([g, s]) => `cpu_${g}_ms=${ms(s)}`), `cpu_total_ms=${ms(total)}`, `cpu_busy=${use.machineBusy.toFixed(2)}`].join(' ');
}
