import { execFile } from "node:child_process";
import { createHash, createPublicKey, generateKeyPairSync, verify } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { parseCsv } from "@/components/files/parse-csv";
import type { Actor } from "@/lib/server/auth/session-store";
import { evidencePath } from "@/lib/server/collections/evidence-store";
import { respondWithPackage, type PackageRequest } from "@/lib/server/collections/respond-with-package";
import type { ComplianceClient } from "@/lib/server/compliance/client";
import { AppError } from "@/lib/server/http/errors";
import { startTestDatabase, type TestDatabase } from "@/tests/support/database";
import { setUpSimulatorWithClient, type RunningSimulator } from "@/tests/support/simulator";
import { SMALL_SEED_1 } from "@/tests/support/simulator-ids";
import { checkPackageAsReadmeSays, readZip, unpackZip } from "@/tests/support/zip";
import { memoryRecorder, readBody } from "../files/file-fixtures";
import { createTestCollection, REQUEST_METADATA, seedReviewer, startJobQueue, startWorker, temporaryDirectory, workerEnvironment } from "./collection-support";

const run = promisify(execFile);

let simulator: RunningSimulator;
let client: ComplianceClient;
setUpSimulatorWithClient({ rateLimitPerMinute: 100_000 }, (started) => ({ simulator, client } = started));
let postgres: TestDatabase;
let db: PrismaClient;
let boss: PgBoss;
let reviewer: Actor;
let evidence: Awaited<ReturnType<typeof temporaryDirectory>>;
let collectionId: string;
const { privateKey: signingKey } = generateKeyPairSync("ed25519");

beforeAll(async () => {
  postgres = await startTestDatabase();
  const created = await postgres.createDatabase("collection_package");
  db = created.db;
  boss = await startJobQueue(created.url, { supervise: false });
  reviewer = await seedReviewer(db, "packager");
  evidence = await temporaryDirectory("docket-package-");
  const worker = await startWorker(workerEnvironment(created.url, simulator.url, evidence.path));
  try {
    ({ id: collectionId } = await createTestCollection(client, db, boss, reviewer, {
      matter: "Acme v. Globex",
      reference: '=HYPERLINK("https://evil.example")',
      scope: { userIds: [SMALL_SEED_1.user], organizationIds: [], projectIds: [SMALL_SEED_1_DOCUMENTS_PROJECT] },
      include: ["chats", "files", "generated_files", "artifacts", "project_documents", "sessions"],
    }));
    await waitUntilFinished(collectionId);
  } finally {
    await worker.stop();
  }
}, 180_000);
afterAll(async () => {
  await boss?.stop({ graceful: false, wait: true });
  await postgres?.stop();
  await evidence?.remove();
}, 60_000);

async function waitUntilFinished(id: string): Promise<void> {
  const until = Date.now() + 120_000;
  for (;;) {
    const [row] = await db.$queryRaw<Array<{ state: string }>>`SELECT state FROM collection WHERE id = ${id}::uuid`;
    if (row?.state === "succeeded") return;
    if (row?.state === "failed" || Date.now() > until) throw new Error(`the collection ended ${row?.state}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** A project with documents and no chats, in the same dataset (SMALL_SEED_1_ARTIFACTS.documentsProject). */
const SMALL_SEED_1_DOCUMENTS_PROJECT = "claude_proj_01H1zhE5yZheYDdHMUtETo9J";

const packageRequest = (): PackageRequest => ({
  actor: reviewer,
  metadata: REQUEST_METADATA,
  signal: new AbortController().signal,
  collectionId,
  evidenceDir: evidence.path,
  signingKey,
  interactiveReserve: 0.2,
});
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

async function downloadPackage() {
  const { rows, record } = memoryRecorder();
  const response = await respondWithPackage(db, record, packageRequest());
  const { bytes, error } = await readBody(response);
  return { response, rows, bytes, error };
}

describe("the evidence package of a finished collection", () => {
  test("holds every collected object, and a signed manifest whose entries match every other file", async () => {
    const { bytes, error, rows, response } = await downloadPackage();
    expect(error).toBeNull();
    expect(response.headers.get("content-type")).toBe("application/zip");
    const files = await readZip(bytes);
    const manifestBytes = files.get("manifest.json")!;
    const manifest = JSON.parse(manifestBytes.toString("utf8")) as {
      entries: Array<{ path: string; size: number; sha256: string }>;
      collection: { id: string };
    };
    expect(manifest.collection.id).toBe(collectionId);
    expect(new Set(manifest.entries.map((entry) => entry.path))).toEqual(
      new Set([...files.keys()].filter((name) => name !== "manifest.json" && name !== "manifest.sig")),
    );
    for (const entry of manifest.entries) {
      expect(files.get(entry.path)!.length, entry.path).toBe(entry.size);
      expect(sha256(files.get(entry.path)!), entry.path).toBe(entry.sha256);
    }
    const publicKey = createPublicKey(files.get("public-key.pem")!);
    expect(verify(null, manifestBytes, publicKey, files.get("manifest.sig")!)).toBe(true);
    expect(verify(null, Buffer.from(manifestBytes.toString("utf8").replace("Acme", "Acne")), publicKey, files.get("manifest.sig")!)).toBe(false);

    const items = await db.$queryRaw<Array<{ kind: string; upstream_id: string; state: string }>>`
      SELECT kind, upstream_id, state FROM collection_item WHERE collection_id = ${collectionId}::uuid`;
    const kinds = new Set(items.filter((item) => item.state === "done").map((item) => item.kind));
    expect(kinds).toEqual(new Set(["chat", "file", "generated_file", "artifact_version", "project_document", "local_session", "remote_session"]));
    for (const item of items.filter((candidate) => candidate.state === "done" && candidate.kind === "chat")) {
      expect(files.has(`chats/${item.upstream_id}.json`)).toBe(true);
      expect(files.has(`chats/${item.upstream_id}.md`)).toBe(true);
    }
    expect([...files.keys()].filter((name) => name.startsWith("project-documents/")).length).toBeGreaterThan(0);

    expect(rows.map((row) => row.outcome)).toEqual(["intent", "success"]);
    expect(rows[1]).toMatchObject({
      action: "collection.download",
      target: { type: "collection", id: collectionId },
      params: { sha256: sha256(bytes), bytes: bytes.length },
    });
  });

  test("items.csv has a line per object, formula-guarded; attestation.json names every list with its cursors and final request-id", async () => {
    const files = await readZip((await downloadPackage()).bytes);
    const csv = parseCsv(
      files
        .get("items.csv")!
        .toString("utf8")
        .replace(/^\uFEFF/, ""),
      100_000,
    ).rows;
    const [header, ...lines] = csv;
    expect(header).toEqual(["path", "type", "id", "custodian", "organization", "created", "updated", "size", "sha256", "md5_verdict", "state", "note"]);
    const [{ count }] = await db.$queryRaw<[{ count: number }]>`
      SELECT (count(*) + count(transcript_sha256))::int AS count FROM collection_item WHERE collection_id = ${collectionId}::uuid`;
    expect(lines).toHaveLength(count);
    for (const line of lines) if (line[0]) expect(files.has(line[0]), line[0]).toBe(true);
    expect(lines.some((line) => line[9] === "matched")).toBe(true);

    const attestation = JSON.parse(files.get("attestation.json")!.toString("utf8")) as {
      lists: Array<{ endpoint: string; parameters: Record<string, unknown>; records: number; finalRequestId: string | null; complete: boolean }>;
      counts: Record<string, number>;
    };
    const custodianList = attestation.lists.find((list) => list.endpoint === "/v1/compliance/apps/chats" && list.parameters["user_ids[]"] !== undefined)!;
    expect(custodianList).toMatchObject({ complete: true, finalRequestId: expect.stringMatching(/^req_/) });
    expect(custodianList.records).toBe(lines.filter((line) => line[1] === "chat" && line[3] !== "").length);
    expect(attestation.counts.collected).toBeGreaterThan(0);
    // A reference typed as a formula stays text in the manifest and README, which no spreadsheet reads.
    expect(files.get("README.txt")!.toString("utf8")).toContain('Reference:  =HYPERLINK("https://evil.example")');
  });

  test("the custodian's sessions, of both kinds and no one else's, are in it as the API's JSON and a transcript, counted in the attestation", async () => {
    const files = await readZip((await downloadPackage()).bytes);
    const local = (await client.sessions.listLocal({ limit: 500 })).data.data.filter((session) => session.user?.id === SMALL_SEED_1.user);
    const remote = (await client.sessions.listRemote({ userIds: [SMALL_SEED_1.user], limit: 500 })).data.data;
    expect(local.length).toBeGreaterThan(0);
    expect(remote.length).toBeGreaterThan(0);
    const inPackage = (folder: string) =>
      [...files.keys()]
        .filter((name) => name.startsWith(`sessions/${folder}/`) && name.endsWith(".json"))
        .map((name) => name.slice(`sessions/${folder}/`.length, -".json".length))
        .sort();
    expect(inPackage("local")).toEqual(local.map((session) => session.id).sort());
    expect(inPackage("remote")).toEqual(remote.map((session) => session.id).sort());
    for (const session of local) {
      const exported = JSON.parse(files.get(`sessions/local/${session.id}.json`)!.toString("utf8")) as { data: unknown[]; next_page: null };
      const api = await client.sessions.listLocalMessages(session.id, { limit: 1000, toolResultMaxBytes: -1, toolUseInputMaxBytes: -1 });
      expect(exported.data).toEqual((api.raw as { data: unknown[] }).data);
      expect(files.get(`sessions/local/${session.id}.md`)!.toString("utf8")).toMatch(/^# Session transcript: /);
    }
    const attestation = JSON.parse(files.get("attestation.json")!.toString("utf8")) as {
      lists: Array<{ endpoint: string; complete: boolean }>;
      counts: Record<string, number>;
    };
    expect(attestation.counts).toMatchObject({ localSessions: local.length, remoteSessions: remote.length });
    expect(attestation.lists.filter((list) => list.endpoint.startsWith("/v1/compliance/apps/sessions/")).map((list) => list.complete)).toEqual([true, true]);
  });

  test("checks out with sha256sum and openssl alone, as its README says", async () => {
    const files = await readZip((await downloadPackage()).bytes);
    const folder = path.join(evidence.path, "unpacked");
    await unpackZip(files, folder);
    const check = await checkPackageAsReadmeSays(folder);
    // A line per file but the checksum list, the manifest and their signatures.
    expect(check.checksums.length).toBe(files.size - 4);
    expect(check.checksums.every((line) => line.endsWith(": OK"))).toBe(true);
    expect(check.signatures).toEqual({ SHA256SUMS: "Signature Verified Successfully", "manifest.json": "Signature Verified Successfully" });
    expect(files.get("README.txt")!.toString("utf8")).toContain(`must be ${check.keyId}`);
    // And a file changed after packaging is caught.
    await writeFile(path.join(folder, "items.csv"), "tampered");
    await expect(run("sha256sum", ["-c", "--quiet", "SHA256SUMS"], { cwd: folder })).rejects.toMatchObject({
      stdout: expect.stringContaining("items.csv: FAILED"),
    });
  });

  test("an evidence object altered on disk breaks the download off, and the log says so", async () => {
    const [object] = await db.$queryRaw<Array<{ sha256: string }>>`
      SELECT sha256 FROM collection_item WHERE collection_id = ${collectionId}::uuid AND kind = 'file' AND state = 'done' LIMIT 1`;
    const file = evidencePath(evidence.path, object!.sha256);
    const original = await readFile(file);
    await writeFile(file, Buffer.concat([original.subarray(0, -1), Buffer.from([original.at(-1)! ^ 1])]));
    try {
      const { error, rows } = await downloadPackage();
      expect(error).not.toBeNull();
      expect(rows.at(-1)).toMatchObject({ outcome: "failure", params: { reason: expect.stringContaining("no longer matches its SHA-256") } });
    } finally {
      await writeFile(file, original);
    }
  });

  test("a collection that has not succeeded has no package yet", async () => {
    await db.$executeRaw`UPDATE collection SET state = 'paused' WHERE id = ${collectionId}::uuid`;
    try {
      await expect(respondWithPackage(db, memoryRecorder().record, packageRequest())).rejects.toMatchObject({ code: "collection_state" });
      await expect(respondWithPackage(db, memoryRecorder().record, packageRequest())).rejects.toBeInstanceOf(AppError);
    } finally {
      await db.$executeRaw`UPDATE collection SET state = 'succeeded' WHERE id = ${collectionId}::uuid`;
    }
  });
});
