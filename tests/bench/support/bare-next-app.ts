/**
 * The bare Next.js app of tests/bench/bare-next-app, built in a temporary directory with the same Next.js
 * (node_modules linked, nothing downloaded) and started with `next start`: the baseline of B3 and B4,
 * and B1's reference for what Next.js itself costs a route handler.
 */
import { spawn } from "node:child_process";
import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { startService } from "@/lib/devtools/services";
import { freePort } from "./processes";

export interface BareNextApp {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

const NEXT_BIN = resolve("node_modules", "next", "dist", "bin", "next");

function build(directory: string): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [NEXT_BIN, "build"], {
      cwd: directory,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("error", fail);
    child.once("exit", (code) => (code === 0 ? done() : fail(new Error(`The bare Next.js app did not build:\n${output}`))));
  });
}

/** Builds and starts the bare app; `publicFiles` are written under public/ first (B3's texts). */
export async function startBareNextApp(options: { upstreamOrigin: string; apiKey: string; publicFiles: Record<string, string> }): Promise<BareNextApp> {
  const directory = await mkdtemp(join(tmpdir(), "docket-bench-bare-next-"));
  try {
    await cp(join("tests", "bench", "bare-next-app", "app"), join(directory, "app"), { recursive: true });
    await symlink(resolve("node_modules"), join(directory, "node_modules"), "dir");
    await writeFile(join(directory, "package.json"), `${JSON.stringify({ name: "bare-next-app", private: true, type: "module" }, null, 2)}\n`);
    // Turbopack refuses node_modules that resolve outside its root: the root is where they really are.
    await writeFile(
      join(directory, "next.config.mjs"),
      `export default ${JSON.stringify({ poweredByHeader: false, reactStrictMode: true, turbopack: { root: "/" } })};\n`,
    );
    await writeFile(
      join(directory, "tsconfig.json"),
      `${JSON.stringify(
        {
          compilerOptions: {
            target: "ES2022",
            lib: ["dom", "dom.iterable", "ES2023"],
            strict: true,
            noEmit: true,
            module: "esnext",
            moduleResolution: "bundler",
            jsx: "react-jsx",
            isolatedModules: true,
            skipLibCheck: true,
            plugins: [{ name: "next" }],
          },
          include: ["next-env.d.ts", "**/*.ts", "**/*.tsx", ".next/types/**/*.ts"],
          exclude: ["node_modules"],
        },
        null,
        2,
      )}\n`,
    );
    await mkdir(join(directory, "public"));
    for (const [name, content] of Object.entries(options.publicFiles)) await writeFile(join(directory, "public", name), content);
    console.log("Building the bare Next.js app (baseline of B3 and B4)…");
    await build(directory);
    const port = await freePort();
    const server = await startService("bare next", process.execPath, [NEXT_BIN, "start", "-p", String(port), "-H", "127.0.0.1"], {
      cwd: directory,
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        BARE_UPSTREAM_ORIGIN: options.upstreamOrigin,
        BARE_UPSTREAM_API_KEY: options.apiKey,
      },
      ready: /Ready in|started server on/i,
      quiet: true,
    });
    return {
      url: `http://127.0.0.1:${port}`,
      pid: server.process.pid!,
      stop: async () => {
        await server.stop();
        await rm(directory, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(directory, { recursive: true, force: true });
    throw error;
  }
}
