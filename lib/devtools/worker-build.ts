// `npm run worker` compiles the worker before it starts it, so that the long-running process is plain
// Node.js: running it through tsx kept a second V8 isolate (tsx's loader thread) and the TypeScript
// transform resident for the worker's whole life, about 35 MiB of a budget of 256 (B8).
import { readFile, rename } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { repoRoot } from "./migrate";

/**
 * Inside node_modules so that the bundle's imports of packages resolve as they do from lib/, and
 * ignored by git with the rest of node_modules.
 */
export const WORKER_BUNDLE = path.join(repoRoot, "node_modules", ".cache", "docket", "worker.mjs");

/** Bundles lib/worker/main.ts and what it imports from this repository; packages stay imports. */
export async function buildWorker(): Promise<string> {
  // Two stacks may start at once (the test runner's suites): each writes its own file and renames it
  // into place, so a worker never starts from a half-written bundle.
  const temporary = `${WORKER_BUNDLE}.${process.pid}.${Date.now()}.tmp`;
  await build({
    entryPoints: [path.join(repoRoot, "lib", "worker", "main.ts")],
    outfile: temporary,
    bundle: true,
    packages: "external",
    platform: "node",
    format: "esm",
    target: "node20",
    tsconfig: path.join(repoRoot, "tsconfig.json"),
    logLevel: "warning",
  });
  await rename(temporary, WORKER_BUNDLE);
  return WORKER_BUNDLE;
}

export interface WorkerCommand {
  /** Environment the script sets before Node starts (allocator settings). */
  env: Record<string, string>;
  /** Node's arguments, the bundle last. */
  args: string[];
}

/**
 * The command `npm run worker` runs after building, read from package.json, so the demo, the tests and
 * the benchmarks start the worker exactly as an operator does.
 */
export async function workerCommand(): Promise<WorkerCommand> {
  const manifest = JSON.parse(await readFile(path.join(repoRoot, "package.json"), "utf8")) as { scripts: Record<string, string> };
  const script = manifest.scripts.worker ?? "";
  const run = script.split("&&").at(-1)?.trim().split(/\s+/) ?? [];
  const env: Record<string, string> = {};
  while (run[0] && /^[A-Z_]+=/.test(run[0])) {
    const [name, value] = run.shift()!.split("=", 2) as [string, string];
    env[name] = value;
  }
  if (run.shift() !== "node" || run.at(-1) !== path.relative(repoRoot, WORKER_BUNDLE)) {
    throw new Error(`package.json's worker script should build, then run node on ${path.relative(repoRoot, WORKER_BUNDLE)}: ${script}`);
  }
  return { env, args: [...run.slice(0, -1), WORKER_BUNDLE] };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await buildWorker();
