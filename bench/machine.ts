// Where the figures were measured: they mean little without the machine.
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';

export interface MachineInfo {
  nproc: number;
  cpu: string;
  node: string;
  memGb: number;
  date: string;
}

export function machineInfo(now: Date = new Date()): MachineInfo {
  let cpu = cpus()[0]?.model?.trim() ?? '';
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) cpu = m[1]!.trim();
  } catch {
    /* not Linux: os.cpus() it is */
  }
  return { nproc: availableParallelism(), cpu: cpu || 'unknown CPU', node: process.version, memGb: Math.round(totalmem() / 2 ** 30), date: now.toISOString().slice(0, 10) };
}

export function describeMachine(m: MachineInfo): string {
  return `${m.nproc} × ${m.cpu}, ${m.memGb} GB, Node ${m.node}, ${m.date}`;
}
