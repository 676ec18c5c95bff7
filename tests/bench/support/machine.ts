/** What a run was measured on, recorded with its figures: absolute figures only compare on like machines. */
import { readFile } from "node:fs/promises";
import os from "node:os";
import { join } from "node:path";

export interface MachineInfo {
  cpuModel: string;
  cpuCount: number;
  memoryGiB: number;
  os: string;
  node: string;
  next: string;
  /** Filled in once a browser is launched; null when no browser benchmark ran. */
  chromium: string | null;
  /** 1, 5 and 15 minute load averages when the run started. */
  loadAverageAtStart: [number, number, number];
}

export async function machineInfo(): Promise<MachineInfo> {
  const next = JSON.parse(await readFile(join("node_modules", "next", "package.json"), "utf8")) as { version: string };
  const [one, five, fifteen] = os.loadavg() as [number, number, number];
  return {
    cpuModel: os.cpus()[0]?.model.trim() ?? "unknown",
    cpuCount: os.cpus().length,
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    next: next.version,
    chromium: null,
    loadAverageAtStart: [one, five, fifteen],
  };
}

export const loadAverage = (): [number, number, number] => os.loadavg().map((value) => Math.round(value * 100) / 100) as [number, number, number];
