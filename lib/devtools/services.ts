import { spawn, type ChildProcess } from "node:child_process";
import { appendFileSync } from "node:fs";
import { createInterface } from "node:readline";

export interface Service {
  name: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Children started here and still running, for stopServicesOnSignals. */
const running = new Set<ChildProcess>();

/**
 * On Ctrl-C or a polite kill (a timeout), stops `first` (what is not a service, like an embedded
 * PostgreSQL) and then every service still running, and exits. Without it a killed script leaves its
 * children behind, and an orphaned Next.js server whose output pipe has closed logs its EPIPE errors
 * in a loop, using a third of a core until someone kills it.
 */
export function stopServicesOnSignals(first: () => Promise<void> = async () => {}): void {
  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      void first()
        .catch((error: unknown) => console.error(error))
        .finally(() => Promise.all([...running].map((child) => stopProcess(child))).finally(() => process.exit(130)));
    });
  }
}

/**
 * Starts a child process whose output is prefixed with its name, and resolves once `ready` matches a
 * line of its output. Fails with the output so far if the process exits first.
 */
export function startService(
  name: string,
  command: string,
  args: string[],
  options: { env: NodeJS.ProcessEnv; ready: RegExp; quiet?: boolean; cwd?: string; logFile?: string },
): Promise<Service & { match: RegExpMatchArray }> {
  const child = spawn(command, args, { env: options.env, cwd: options.cwd, stdio: ["ignore", "pipe", "pipe"] });
  running.add(child);
  child.once("exit", () => running.delete(child));
  const recent: string[] = [];
  return new Promise((resolve, reject) => {
    let settled = false;
    const onLine = (line: string) => {
      recent.push(line);
      if (recent.length > 200) recent.shift();
      if (!options.quiet) console.log(`[${name}] ${line}`);
      if (options.logFile) appendFileSync(options.logFile, `[${name}] ${line}\n`);
      const match = settled ? null : options.ready.exec(line);
      if (match) {
        settled = true;
        resolve({ name, process: child, match, stop: () => stopProcess(child) });
      }
    };
    createInterface({ input: child.stdout! }).on("line", onLine);
    createInterface({ input: child.stderr! }).on("line", onLine);
    child.once("error", (error) => {
      if (!settled) reject(new Error(`${name} could not start: ${error.message}`));
    });
    child.once("exit", (code, signal) => {
      if (!settled) {
        settled = true;
        reject(new Error(`${name} exited (${signal ?? code}) before it was ready:\n${recent.join("\n")}`));
      }
    });
  });
}

export function stopProcess(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/** Runs a command to completion, streaming its output, and fails if it fails. */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: "inherit" });
    child.once("error", reject);
    child.once("exit", (code, signal) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} failed (${signal ?? `exit ${code}`})`))));
  });
}
