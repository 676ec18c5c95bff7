import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { get } from "node:http";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { Dataset } from "@/lib/simulator/dataset/dataset";
import { FULL } from "./helpers";

const root = fileURLToPath(new URL("../..", import.meta.url));
const MiB = 1024 * 1024;

function rssBytes(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return Number(m![1]) * 1024;
}

describe("large dataset", () => {
  it("builds lazily: a quarter-million chats in a bounded heap", () => {
    const before = process.memoryUsage().heapUsed;
    const ds = new Dataset(1, "large");
    const grown = process.memoryUsage().heapUsed - before;
    expect(ds.chats.count).toBeGreaterThan(200_000);
    expect(ds.activities.count).toBeGreaterThan(500_000);
    // Numeric columns and sort indexes only: well under the few-hundred-MB target.
    expect(grown).toBeLessThan(250 * MiB);
  });

  let child: ChildProcess | null = null;
  afterAll(() => {
    child?.kill("SIGTERM");
  });

  it("streams the ≥ 1 GiB file from a child process with flat memory and a matching MD5", async () => {
    // `node --import tsx` is what `npx tsx` runs, minus the wrapper processes, so the pid below
    // is the server's own and its RSS is what we sample.
    child = spawn(process.execPath, ["--import", "tsx", "lib/simulator/main.ts"], {
      cwd: root,
      env: { ...process.env, SIMULATOR_DATASET: "large", SIMULATOR_PORT: "0", SIMULATOR_CONTROL: "1" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    const pid = child.pid!;
    const url = await new Promise<string>((resolve, reject) => {
      let out = "";
      child!.stdout!.on("data", (d: Buffer) => {
        out += d.toString("utf8");
        const m = /^Compliance API simulator listening on (http:\/\/127\.0\.0\.1:(\d+)) \(dataset large, seed 1\)$/m.exec(out);
        if (m && m[2] !== "0") resolve(m[1]!);
      });
      child!.once("exit", (code) => reject(new Error(`simulator exited early (${code})`)));
    });
    const fixtures = (await (await fetch(`${url}/_simulator/fixtures`)).json()) as { largestFile: { id: string; sizeBytes: number } };
    expect(fixtures.largestFile.sizeBytes).toBeGreaterThanOrEqual(1024 ** 3);
    // Metadata waits for the one-off digest pass, so RSS is measured from a settled baseline.
    const meta = (await (await fetch(`${url}/v1/compliance/apps/chats/files/${fixtures.largestFile.id}`, { headers: { "x-api-key": FULL } })).json()) as {
      md5: string;
      size_bytes: number;
    };
    expect(meta.size_bytes).toBe(fixtures.largestFile.sizeBytes);

    const baseline = rssBytes(pid);
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, rssBytes(pid));
    }, 50);
    const result = await new Promise<{ md5: string; bytes: number; header: string; encoding: string | undefined }>((resolve, reject) => {
      get(`${url}/v1/compliance/apps/chats/files/${fixtures.largestFile.id}/content`, { headers: { "x-api-key": FULL } }, (res) => {
        const hash = createHash("md5");
        let bytes = 0;
        res.on("data", (chunk: Buffer) => {
          hash.update(chunk);
          bytes += chunk.length;
        });
        res.on("end", () =>
          resolve({ md5: hash.digest("hex"), bytes, header: String(res.headers["content-md5"]), encoding: res.headers["transfer-encoding"] }),
        );
        res.on("error", reject);
      }).on("error", reject);
    }).finally(() => clearInterval(sampler));

    expect(result.encoding).toBe("chunked");
    expect(result.bytes).toBe(meta.size_bytes);
    expect(result.md5).toBe(meta.md5);
    expect(Buffer.from(result.header, "base64").toString("hex")).toBe(result.md5);
    // Far below the file's size, so a body buffered whole fails it, and far enough above the stream's
    // own buffers that a busy machine's garbage collector does not (it peaked at 73 MiB once under load).
    expect(peak - baseline).toBeLessThan(256 * MiB);
  }, 120_000);
});
