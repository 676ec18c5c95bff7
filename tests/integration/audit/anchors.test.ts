// Anchors: each checkpoint also goes out of the host's reach, to a file opened for appending and to an
// HTTP endpoint, and the chain is checked against every anchor: a cut tail or a rewritten row is named
// even when the attacker replaced the local checkpoint too.
import { generateKeyPairSync } from "node:crypto";
import { once } from "node:events";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SignedCheckpoint } from "@/lib/schemas/audit-event";
import { AnchorPublisher } from "@/lib/server/audit/anchors";
import { advanceCheckpoint, checkpointSignatureValid, signCheckpoint, type CheckpointSettings } from "@/lib/server/audit/checkpoint";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { checkAnchors, readAnchors } from "@/lib/server/audit/verify-anchors";
import { readChainHead } from "@/lib/server/audit/audit-chain";
import { startTestDatabase, type TestDatabase, type TestDocketDatabase } from "@/tests/support/database";
import { sampleEvent, tamper } from "./audit-fixtures";

let server: TestDatabase;
let directory: string;
let endpoint: Server;
let endpointUrl: string;
let endpointStatus = 204;
const received: SignedCheckpoint[] = [];
const keys = generateKeyPairSync("ed25519");
let databases = 0;

beforeAll(async () => {
  server = await startTestDatabase();
  directory = await mkdtemp(path.join(tmpdir(), "docket-anchors-"));
  endpoint = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    request.on("end", () => {
      if (endpointStatus < 300) received.push(JSON.parse(body) as SignedCheckpoint);
      response.writeHead(endpointStatus).end();
    });
  });
  endpoint.listen(0, "127.0.0.1");
  await once(endpoint, "listening");
  endpointUrl = `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}/anchors`;
});

afterAll(async () => {
  endpoint?.close();
  await server?.stop();
  if (directory) await rm(directory, { recursive: true, force: true });
});

/** A fresh chain, a checkpoint file of its own, and anchors to a file and the endpoint. */
async function setUp(minIntervalMs = 0, onError?: (error: unknown) => void) {
  const database: TestDocketDatabase = await server.createDatabase(`anchors_${++databases}`);
  const anchorFile = path.join(directory, `anchors-${databases}.jsonl`);
  const anchors = new AnchorPublisher({ file: anchorFile, url: endpointUrl }, { minIntervalMs, ...(onError ? { onError } : {}) });
  const settings: CheckpointSettings = { file: path.join(directory, `checkpoint-${databases}.json`), signingKey: keys.privateKey, anchors };
  const append = async (count: number) => {
    for (let index = 0; index < count; index += 1) await recordAuditEvent(database.db, sampleEvent(index), { checkpoints: null });
    return advanceCheckpoint(database.db, settings);
  };
  return { ...database, anchors, anchorFile, append };
}

describe("anchors", () => {
  it("go to the file and the endpoint, signed, one for each checkpoint written", async () => {
    received.length = 0;
    const { anchors, anchorFile, append } = await setUp();
    const written: SignedCheckpoint[] = [];
    for (const count of [3, 2, 4]) {
      written.push((await append(count))!);
      await anchors.whenIdle();
    }
    const inFile = await readAnchors(anchorFile);
    expect(inFile).toEqual(written);
    expect(received).toEqual(written);
    expect(inFile.map((anchor) => anchor.seq)).toEqual(["3", "5", "9"]);
    expect(inFile.every((anchor) => checkpointSignatureValid(anchor, keys.publicKey))).toBe(true);
  });

  it("are sent at most once an interval, and the newest one offered when it ends", async () => {
    const { db, anchors, anchorFile, append } = await setUp(60_000);
    for (let round = 0; round < 4; round += 1) await append(1);
    await anchors.whenIdle();
    // The first checkpoint went at once; the three written within the interval left only the last.
    expect((await readAnchors(anchorFile)).map((anchor) => anchor.seq)).toEqual(["1", "4"]);
    const head = await readChainHead(db);
    expect(head?.seq).toBe(4n);
  });

  it("still reach the file when the endpoint refuses, and the failure is reported with the endpoint's origin only", async () => {
    const errors: string[] = [];
    const { anchors, anchorFile, append } = await setUp(0, (error) => errors.push(String(error)));
    endpointStatus = 503;
    try {
      await append(2);
      await anchors.whenIdle();
    } finally {
      endpointStatus = 204;
    }
    expect((await readAnchors(anchorFile)).map((anchor) => anchor.seq)).toEqual(["2"]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`${new URL(endpointUrl).origin}: answered 503`);
    expect(errors[0]).not.toContain("/anchors");
  });

  it("reveal a cut tail and a rewritten row, and refuse one signed with another key", async () => {
    const { db, superuserUrl, anchors, anchorFile, append } = await setUp();
    await append(5);
    await anchors.whenIdle();
    await append(5);
    await anchors.whenIdle();
    const anchored = await readAnchors(anchorFile);
    expect(await checkAnchors(db, anchored, keys.publicKey)).toEqual([
      { seq: "5", verdict: "consistent" },
      { seq: "10", verdict: "consistent" },
    ]);

    const forged = signCheckpoint({ seq: 5n, rowHash: anchored[0]!.rowHash }, generateKeyPairSync("ed25519").privateKey);
    expect(await checkAnchors(db, [forged], keys.publicKey)).toEqual([{ seq: "5", verdict: "bad_signature" }]);

    await tamper(superuserUrl, "UPDATE audit_event SET row_hash = sha256('rebuilt') WHERE seq = 5", "DELETE FROM audit_event WHERE seq > 7");
    const findings = await checkAnchors(db, anchored, keys.publicKey);
    expect(findings).toEqual([
      { seq: "5", verdict: "rewritten", rowHash: expect.stringMatching(/^[0-9a-f]{64}$/) },
      { seq: "10", verdict: "truncated", headSeq: "7" },
    ]);
    expect(await readFile(anchorFile, "utf8")).toMatch(/^(\{.*\}\n){2}$/);
  });
});
