import { arch, cpus, loadavg, platform, totalmem } from 'node:os';

/** What the numbers were measured on, printed first so that they can be reproduced. */
export interface Machine {
  cpus: number;
  cpuModel: string;
  node: string;
  platform: string;
  memoryGb: number;
  /** 1-minute load average when the bench started: other work on the machine skews timings. */
  loadAverage: number;
}

export function describeMachine(): Machine {
  const processors = cpus();
  return {
    cpus: processors.length,
    cpuModel: processors[0]?.model.trim() ?? 'unknown',
    node: process.version,
    platform: `${platform()} ${arch()}`,
    memoryGb: totalmem() / 1e9,
    loadAverage: loadavg()[0],
  };
}

export function machineLine(machine: Machine): string {
  const line =
    `machine: ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGb.toFixed(1)} GB, ` +
    `Node ${machine.node}, ${machine.platform}, load average ${machine.loadAverage.toFixed(2)}`;
  if (machine.loadAverage < machine.cpus) return line;
  return `${line}\nwarning: the machine is busy with other work; expect slower, noisier timings.`;
}
