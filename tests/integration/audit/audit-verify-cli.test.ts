// `npm run audit:verify` as an operator runs it: a child process, configured by the environment,
// judged by its exit status and what it prints (and what it must never print).
import { execFile } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { copyFile, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "@/lib/devtools/migrate";
import { readChainHead, readChainHeadAndRowHashAt } from "@/lib/server/audit/audit-chain";
import { publicKeyPem, readCheckpoint, signCheckpoint, writeCheckpoint } from "@/lib/server/audit/checkpoint";
import { readOrCreateGeneratedSigningKey } from "@/lib/server/audit/checkpoint-key";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { closedPort } from "@/tests/support/closed-port";
import { startTestDatabase, type TestDatabase, type TestDocketDatabase } from "@/tests/support/database";
import { sampleEvent, tamper } from "./audit-fixtures";

// What the npm script runs (see lib/devtools/audit-verify.ts).
const COMMAND = ["--conditions=react-server", "--import", "tsx", "lib/devtools/audit-verify.ts"];

let server: TestDatabase;
let directory: string;
let seedCheckpointFile: string;
let databases = 0;

beforeAll(async () => {
  server = await startTestDatabase();
  directory = await mkdtemp(path.join(tmpdir(), "docket-audit-cli-"));
  seedCheckpointFile = path.join(directory, "seed", "audit-checkpoint.json");
  const { db } = await server.createDatabase("audit_cli_seed");
  for (let index = 0; index < 12; index += 1) await recordAuditEvent(db, sampleEvent(index), { checkpoints: null });
  // The demo's arrangement: a generated key (mode 0600) beside the checkpoint it signs.
  await writeCheckpoint((await readChainHead(db))!, { file: seedCheckpointFile, signingKey: await readOrCreateGeneratedSigningKey(seedCheckpointFile) });
  await db.$disconnect();
});

afterAll(async () => {
  await server?.stop();
  if (directory) await rm(directory, { recursive: true, force: true });
});

const copy = async (): Promise<TestDocketDatabase> => server.cloneDatabase("audit_cli_seed", `audit_cli_${++databases}`);

interface Run {
  code: number;
  output: string;
}

function runVerify(env: Record<string, string>, args: string[] = []): Promise<Run> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(childEnv)) if (name.startsWith("DOCKET_") || name === "DATABASE_URL") delete childEnv[name];
  Object.assign(childEnv, env);
  return new Promise((resolve) => {
    execFile(process.execPath, [...COMMAND, ...args], { cwd: repoRoot, env: childEnv, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : -1) : 0, output: `${stdout}${stderr}` });
    });
  });
}

const expectNoSecrets = (run: Run, ...secrets: string[]) => {
  for (const secret of ["postgres:postgres@", "docket-app@", ...secrets]) expect(run.output).not.toContain(secret);
};

describe("audit:verify", () => {
  it("exits 0 and reports the row count and head of an intact chain that matches its checkpoint", async () => {
    const { url } = await copy();
    const checkpoint = (await readCheckpoint(seedCheckpointFile))!;
    const run = await runVerify({ DATABASE_URL: url, DOCKET_AUDIT_CHECKPOINT_FILE: seedCheckpointFile });
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain(`head seq 12 row_hash ${checkpoint.rowHash}`);
    expect(run.output).toContain("OK: the audit chain is intact (12 rows, consistent with the signed checkpoint).");
    expect(run.output).toMatch(/Database: +127\.0\.0\.1:\d+\/audit_cli_\d+/);
    expectNoSecrets(run);
  });

  it("exits 1 and names the row whose content was changed", async () => {
    const { url, superuserUrl } = await copy();
    await tamper(superuserUrl, "UPDATE audit_event SET target_id = 'chat_innocent' WHERE seq = 7");
    const run = await runVerify({ DATABASE_URL: url, DOCKET_AUDIT_CHECKPOINT_FILE: seedCheckpointFile });
    expect(run.code, run.output).toBe(1);
    expect(run.output).toContain("BROKEN at seq 7: a column was changed after the row was written (body)");
    expect(run.output).toMatch(/expected: [0-9a-f]{64}\n {2}found: {4}[0-9a-f]{64}/);
  });

  it("exits 1 and shows the expected and found heads when the tail was cut", async () => {
    const { url, superuserUrl, db } = await copy();
    await tamper(superuserUrl, "DELETE FROM audit_event WHERE seq > 9");
    const found = (await readChainHead(db))!;
    const checkpoint = (await readCheckpoint(seedCheckpointFile))!;
    const run = await runVerify({ DATABASE_URL: url, DOCKET_AUDIT_CHECKPOINT_FILE: seedCheckpointFile });
    expect(run.code, run.output).toBe(1);
    expect(run.output).toContain("BROKEN at seq 10: the newest rows were removed");
    expect(run.output).toContain(`expected: head seq 12 row_hash ${checkpoint.rowHash}`);
    expect(run.output).toContain(`found:    head seq 9 row_hash ${found.rowHash}`);
  });

  it("takes the key from DOCKET_AUDIT_SIGNING_KEY, or a public key file, and never prints the key", async () => {
    const { url, db } = await copy();
    const { privateKey } = generateKeyPairSync("ed25519");
    const base64 = privateKey.export({ type: "pkcs8", format: "der" }).toString("base64");
    const file = path.join(directory, `env-key-${databases}`, "checkpoint.json");
    await writeCheckpoint((await readChainHead(db))!, { file, signingKey: privateKey });

    const withEnvKey = await runVerify({ DATABASE_URL: url, DOCKET_AUDIT_CHECKPOINT_FILE: file, DOCKET_AUDIT_SIGNING_KEY: base64 });
    expect(withEnvKey.code, withEnvKey.output).toBe(0);
    expectNoSecrets(withEnvKey, base64);

    const pemFile = path.join(directory, "auditor.pem");
    await writeFile(pemFile, await publicKeyPem({ file, signingKey: privateKey }));
    const withPublicKey = await runVerify({ DATABASE_URL: url }, ["--checkpoint", file, "--public-key", pemFile]);
    expect(withPublicKey.code, withPublicKey.output).toBe(0);

    const missingKeyFile = await runVerify({ DATABASE_URL: url }, ["--checkpoint", file, "--public-key", path.join(directory, "none.pem")]);
    expect(missingKeyFile.code).toBe(2);
    expect(missingKeyFile.output).toContain("no usable public key");

    const otherKey = await runVerify({
      DATABASE_URL: url,
      DOCKET_AUDIT_CHECKPOINT_FILE: file,
      DOCKET_AUDIT_SIGNING_KEY: generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "der" }).toString("base64"),
    });
    expect(otherKey.code).toBe(1);
    expect(otherKey.output).toContain("the checkpoint's signature does not verify (bad_signature)");
  });

  it("checks the chain against every anchor in an operator's copy, with the key from DOCKET_AUDIT_VERIFY_KEY", async () => {
    const { url, superuserUrl, db } = await copy();
    const { privateKey, publicKey } = generateKeyPairSync("ed25519");
    const verifyKey = publicKey.export({ type: "spki", format: "der" }).toString("base64");
    const anchorsAt = async (...seqs: bigint[]) => {
      const anchors = [];
      for (const seq of seqs) anchors.push(signCheckpoint({ seq, rowHash: (await readChainHeadAndRowHashAt(db, seq)).rowHashAtSeq! }, privateKey));
      return anchors;
    };
    const anchorFile = path.join(directory, `anchors-${databases}.jsonl`);
    await writeFile(anchorFile, (await anchorsAt(4n, 8n, 12n)).map((anchor) => `${JSON.stringify(anchor)}\n`).join(""));
    const none = path.join(directory, "no-checkpoint.json");

    const intact = await runVerify({ DATABASE_URL: url, DOCKET_AUDIT_CHECKPOINT_FILE: none, DOCKET_AUDIT_VERIFY_KEY: verifyKey }, ["--anchors", anchorFile]);
    expect(intact.code, intact.output).toBe(0);
    expect(intact.output).toContain("Anchors:    3 of 3 consistent with the chain");

    const otherKey = generateKeyPairSync("ed25519").publicKey.export({ type: "spki", format: "pem" }).toString();
    const wrongKey = await runVerify({ DATABASE_URL: url, DOCKET_AUDIT_CHECKPOINT_FILE: none, DOCKET_AUDIT_VERIFY_KEY: otherKey }, ["--anchors", anchorFile]);
    expect(wrongKey.code, wrongKey.output).toBe(1);
    expect(wrongKey.output).toContain("BROKEN anchor at seq 4: the anchor was not signed by the audit key (bad_signature)");

    // The attacker cut the tail and rewrote the local checkpoint to match; the anchors sent earlier still hold the old head.
    await tamper(superuserUrl, "DELETE FROM audit_event WHERE seq > 10");
    const rebuiltCheckpoint = path.join(directory, `rebuilt-${databases}.json`);
    await writeCheckpoint((await readChainHead(db))!, { file: rebuiltCheckpoint, signingKey: privateKey });
    const cut = await runVerify({ DATABASE_URL: url, DOCKET_AUDIT_CHECKPOINT_FILE: rebuiltCheckpoint, DOCKET_AUDIT_VERIFY_KEY: verifyKey }, [
      "--anchors",
      anchorFile,
    ]);
    expect(cut.code, cut.output).toBe(1);
    expect(cut.output).toContain("consistent with the signed checkpoint");
    expect(cut.output).toContain("Anchors:    2 of 3 consistent with the chain");
    expect(cut.output).toContain("BROKEN anchor at seq 12: the newest rows were removed (truncated): the chain ends at seq 10, before the anchored row");

    await writeFile(anchorFile, "not json\n", { flag: "a" });
    const malformed = await runVerify({ DATABASE_URL: url, DOCKET_AUDIT_VERIFY_KEY: verifyKey }, ["--anchors", anchorFile]);
    expect(malformed.code).toBe(2);
    expect(malformed.output).toContain("line 4: not JSON");
  });

  it("exits 2, without printing the password, when it cannot verify", async () => {
    const canary = "s3cret-canary-pw";
    const unreachable = await runVerify({
      DATABASE_URL: `postgresql://auditor:${canary}@127.0.0.1:${await closedPort()}/docket`,
      DOCKET_AUDIT_CHECKPOINT_FILE: path.join(directory, "absent.json"),
    });
    expect(unreachable.code, unreachable.output).toBe(2);
    expect(unreachable.output).toContain("Could not verify");
    expectNoSecrets(unreachable, canary);

    const { url } = await copy();
    const keyless = path.join(directory, "keyless", "checkpoint.json");
    await mkdir(path.dirname(keyless), { recursive: true });
    await copyFile(seedCheckpointFile, keyless);
    const noKey = await runVerify({ DATABASE_URL: url, DOCKET_AUDIT_CHECKPOINT_FILE: keyless });
    expect(noKey.code, noKey.output).toBe(2);
    expect(noKey.output).toContain("pass --public-key FILE");

    const missingUrl = await runVerify({});
    expect(missingUrl.code).toBe(2);
    expect(missingUrl.output).toContain("DATABASE_URL must be a postgresql:// URL");
  });
});
