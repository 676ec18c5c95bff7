// Writers on separate connections cannot fork or reorder the chain; the database serialises
// them, seq stays gap-free (rolled-back appends included), and the checkpoint follows the head.
import { generateKeyPairSync } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { readChainHead } from "@/lib/server/audit/audit-chain";
import { CheckpointScheduler, checkpointSignatureValid, readCheckpoint } from "@/lib/server/audit/checkpoint";
import { AuditWriteError, recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { verifyAuditChain } from "@/lib/server/audit/verify-chain";
import { createDb } from "@/lib/server/db";
import { startTestDatabase, superuserQuery, type TestDatabase } from "@/tests/support/database";
import { sampleEvent } from "./audit-fixtures";

const WRITERS = 8;
const APPENDS_PER_WRITER = 50;

let server: TestDatabase;
let url: string;
let db: PrismaClient;
let directory: string;

beforeAll(async () => {
  server = await startTestDatabase();
  ({ url, db } = await server.createDatabase("audit_concurrency"));
  directory = await mkdtemp(path.join(tmpdir(), "docket-audit-concurrency-"));
});

afterAll(async () => {
  await server?.stop();
  if (directory) await rm(directory, { recursive: true, force: true });
});

describe("parallel writers", () => {
  it(`${WRITERS} connections appending ${APPENDS_PER_WRITER} events each leave one gap-free chain`, async () => {
    const writers = Array.from({ length: WRITERS }, () => createDb(url));
    const keys = generateKeyPairSync("ed25519");
    const settings = { file: path.join(directory, "checkpoint.json"), signingKey: keys.privateKey };
    const checkpointErrors: unknown[] = [];
    const scheduler = new CheckpointScheduler({ db: () => db, settings: async () => settings, onError: (error) => checkpointErrors.push(error) });
    const latencies: number[] = [];
    const started = performance.now();
    let seqsByWriter: bigint[][];
    try {
      // Every client opens its connection first, so the appends themselves run side by side.
      await Promise.all(writers.map((writer) => writer.$queryRaw`SELECT 1`));
      seqsByWriter = await Promise.all(
        writers.map(async (writer, writerIndex) => {
          const seqs: bigint[] = [];
          for (let index = 0; index < APPENDS_PER_WRITER; index += 1) {
            const before = performance.now();
            const { seq } = await recordAuditEvent(writer, sampleEvent(writerIndex * 1000 + index), { checkpoints: scheduler });
            latencies.push(performance.now() - before);
            seqs.push(seq);
          }
          return seqs;
        }),
      );
    } finally {
      await Promise.all(writers.map((writer) => writer.$disconnect()));
    }
    const elapsed = performance.now() - started;
    await scheduler.whenIdle();
    const total = WRITERS * APPENDS_PER_WRITER;

    // Each writer saw its own appends in increasing order, and together they cover 1..total once.
    for (const seqs of seqsByWriter) expect(seqs).toEqual([...seqs].sort((a, b) => (a < b ? -1 : 1)));
    const all = seqsByWriter.flat().sort((a, b) => (a < b ? -1 : 1));
    expect(all).toEqual(Array.from({ length: total }, (_, index) => BigInt(index + 1)));
    // The writers really interleaved: otherwise this would not test concurrency at all.
    expect(seqsByWriter.every((seqs) => seqs.at(-1)! - seqs[0]! > BigInt(APPENDS_PER_WRITER))).toBe(true);

    const [links] = await superuserQuery<{ rows: string; prev: string; children: string }>(
      url,
      `SELECT count(*) AS rows, count(DISTINCT prev_hash) AS prev,
              (SELECT count(*) FROM audit_event child JOIN audit_event parent ON child.prev_hash = parent.row_hash) AS children
       FROM audit_event`,
    );
    // One chain, no fork: every row but the first hangs off exactly one other row.
    expect(links).toEqual({ rows: String(total), prev: String(total), children: String(total - 1) });

    const checkpoint = await readCheckpoint(settings.file);
    const report = await verifyAuditChain(db, { checkpoint, publicKey: keys.publicKey });
    expect(report).toMatchObject({ ok: true, rowsChecked: total, firstBreak: null, checkpoint: { status: "matches" } });
    // The coalesced checkpoint caught up with the head and holds a valid signature.
    expect(checkpointErrors).toEqual([]);
    expect(checkpoint?.seq).toBe(String(total));
    expect(checkpointSignatureValid(checkpoint!, keys.publicKey)).toBe(true);

    latencies.sort((a, b) => a - b);
    const percentile = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!.toFixed(1);
    console.info(
      `[audit] ${total} appends from ${WRITERS} connections in ${elapsed.toFixed(0)} ms ` +
        `(${Math.round((total / elapsed) * 1000)}/s); latency ms p50 ${percentile(50)} p95 ${percentile(95)} max ${percentile(100)}`,
    );
  });

  it("with a minimum interval, a burst of appends costs a few checkpoint writes and the last one still names the head", async () => {
    const keys = generateKeyPairSync("ed25519");
    const settings = { file: path.join(directory, "spaced-checkpoint.json"), signingKey: keys.privateKey };
    let writes = 0;
    const minIntervalMs = 100;
    const scheduler = new CheckpointScheduler({
      db: () => db,
      // Asked once per write: the count of writes.
      settings: async () => ((writes += 1), settings),
      onError: (error) => {
        throw error;
      },
      minIntervalMs,
    });
    const started = performance.now();
    for (let index = 0; index < 60; index += 1) await recordAuditEvent(db, sampleEvent(index), { checkpoints: scheduler });
    const appendedFor = performance.now() - started;
    await scheduler.whenIdle();

    // One write may start at once, then at most one per interval, plus the one that catches up.
    expect(writes).toBeLessThanOrEqual(Math.floor(appendedFor / minIntervalMs) + 2);
    expect(writes).toBeLessThan(60);
    const head = (await readChainHead(db))!;
    expect((await readCheckpoint(settings.file))?.seq).toBe(head.seq.toString());
  });

  it("an append rolled back with its transaction leaves no gap", async () => {
    const before = (await readChainHead(db))!;
    await expect(
      db.$transaction(async (tx) => {
        await recordAuditEvent(tx, sampleEvent(1), { checkpoints: null });
        throw new Error("the change being audited failed");
      }),
    ).rejects.toThrow("the change being audited failed");
    const { seq } = await recordAuditEvent(db, sampleEvent(2), { checkpoints: null });
    expect(seq).toBe(before.seq + 1n);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it("a writer holding a stale snapshot (REPEATABLE READ) fails instead of forking the chain", async () => {
    const other = createDb(url);
    try {
      await expect(
        db.$transaction(
          async (tx) => {
            await tx.$queryRaw`SELECT count(*) FROM audit_event`; // takes the transaction's snapshot
            await recordAuditEvent(other, sampleEvent(3), { checkpoints: null }); // commits a new head meanwhile
            await recordAuditEvent(tx, sampleEvent(4), { checkpoints: null });
          },
          { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead },
        ),
      ).rejects.toThrow(AuditWriteError);
    } finally {
      await other.$disconnect();
    }
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });
});
