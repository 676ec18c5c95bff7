/**
 * B5: the audit log's append latency under 8 concurrent writers (against one writer), and the speed of
 * verifying a chain of 1,000,000 rows (against reading the same rows unchecked), on a PostgreSQL of its
 * own migrated with the repository's migrations. The measuring runs in tests/bench/audit-worker.ts.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { z } from "zod";
import { migrateDeploy } from "@/lib/devtools/migrate";
import { startPostgres } from "@/lib/devtools/postgres";
import { runNodeScript } from "../support/processes";
import { figureMaker, type Figure } from "../support/report";

const Appends = z.object({ writers: z.number(), appends: z.number(), p50Ms: z.number(), p99Ms: z.number(), perSecond: z.number() });
const Phase = z.object({ oneWriter: Appends, eightWriters: Appends });
const Pass = z.object({
  rows: z.number(),
  seconds: z.number(),
  rowsPerSecond: z.number(),
  cpuSeconds: z.number(),
  databaseCpuSeconds: z.number(),
  peakRssMiB: z.number(),
});
const WorkerResult = z.object({
  onEmptyLog: Phase,
  filled: z.object({ rowsAdded: z.number(), seconds: z.number(), rowsPerSecond: z.number() }),
  verifyAfterFill: Pass,
  verify: Pass,
  readOnly: Pass,
  readJsonOnly: Pass,
  onMillionRows: Phase,
});

export async function benchAudit(): Promise<{ figures: Figure[]; details: unknown }> {
  const postgres = await startPostgres();
  const checkpointDirectory = await mkdtemp(join(tmpdir(), "docket-bench-audit-checkpoint-"));
  try {
    const url = await postgres.createDatabase("bench_audit");
    await migrateDeploy(url);
    console.log("  appending, filling 1,000,000 rows through the chain trigger, verifying…");
    const result = WorkerResult.parse(
      await runNodeScript(join("tests", "bench", "audit-worker.ts"), [url, checkpointDirectory], ["--conditions=react-server"]),
    );
    console.log(`  filled ${result.filled.rowsAdded} rows in ${result.filled.seconds.toFixed(1)} s (${result.filled.rowsPerSecond.toFixed(0)} rows/s)`);
    const cpuOfBoth = (pass: z.infer<typeof Pass>) => pass.cpuSeconds + pass.databaseCpuSeconds;
    const figure = figureMaker("B5");
    const appendFigures = (label: string, phase: z.infer<typeof Phase>) => [
      figure(`append p50, 8 writers vs 1 (${label})`, phase.eightWriters.p50Ms, phase.oneWriter.p50Ms, "ms", "ratio"),
      figure(`append p99, 8 writers vs 1 (${label})`, phase.eightWriters.p99Ms, phase.oneWriter.p99Ms, "ms", "ratio"),
      figure(`appends per second, 8 writers vs 1 (${label})`, phase.eightWriters.perSecond, phase.oneWriter.perSecond, "/s", "ratio"),
    ];
    return {
      figures: [
        ...appendFigures("empty log", result.onEmptyLog),
        ...appendFigures("1,000,000 rows", result.onMillionRows),
        figure("verify 1,000,000 rows right after the fill vs after ANALYZE", result.verifyAfterFill.seconds, result.verify.seconds, "s", "ratio"),
        figure("verify 1,000,000 rows vs reading them unchecked as Prisma rows", result.verify.seconds, result.readOnly.seconds, "s", "ratio"),
        figure(
          "verify 1,000,000 rows vs reading them unchecked as the verifier does (JSON per batch)",
          result.verify.seconds,
          result.readJsonOnly.seconds,
          "s",
          "ratio",
        ),
        figure("verify: rows per second", result.verify.rowsPerSecond, result.readOnly.rowsPerSecond, "/s", "ratio"),
        figure("verify: CPU seconds of the verifying process vs reading as Prisma rows", result.verify.cpuSeconds, result.readOnly.cpuSeconds, "s", "ratio"),
        figure(
          "verify: CPU seconds of that process and PostgreSQL vs reading as Prisma rows",
          cpuOfBoth(result.verify),
          cpuOfBoth(result.readOnly),
          "s",
          "ratio",
        ),
        figure("verify: peak RSS of the verifying process", result.verify.peakRssMiB, result.readOnly.peakRssMiB, "MiB", "difference"),
      ],
      details: result,
    };
  } finally {
    await postgres.stop();
    await rm(checkpointDirectory, { recursive: true, force: true });
  }
}
