/**
 * B5's measurements, in a process of their own: the audit code is server-only, so this runs with
 * `node --conditions=react-server` (as `npm run audit:verify` does), which makes `server-only` the no-op
 * Next.js gives server code. Usage: audit-worker <database URL> <checkpoint directory>, on a freshly
 * migrated database. Prints one JSON line.
 *
 * 1. Appends through the real path (recordAuditEvent, with a checkpoint scheduler as the app has), by
 *    one writer and then by 8 concurrent writers sharing one client, as concurrent requests share the
 *    app's: on the empty log, and again once it holds a million rows.
 * 2. Fills the log to 1,000,000 rows as fast as the chain trigger allows: batched
 *    `INSERT … SELECT … FROM unnest(…)` statements of 10,000 rows, each row still chained by the trigger
 *    (lock, head lookup, SHA-256) and carrying a body hash computed here with the app's own bodySha256.
 * 3. Verifies the whole chain with verifyAuditChain: first right after the fill, with the planner
 *    statistics the fill left (as after any burst of appends, until autovacuum analyses the table),
 *    then after ANALYZE, against reading the same rows in batches of the same size through the same
 *    client without checking them, two ways: as Prisma rows (what any code reading the log pays), and
 *    as the JSON text per batch the verifier reads (its own floor: what is left is the hashing that
 *    does not overlap the reading). Each pass records its CPU time too, steadier than the wall time
 *    on a shared machine: this process's, and that of the PostgreSQL backends serving it (which
 *    build the verifier's JSON).
 */
import { generateKeyPairSync } from "node:crypto";
import { join } from "node:path";
import pg from "pg";
import { AUDIT_BODY_VERSION, AUDIT_EVENT_COLUMNS, bodySha256, type AuditEventBody } from "@/lib/server/audit/audit-chain";
import { CheckpointScheduler } from "@/lib/server/audit/checkpoint";
import { recordAuditEvent, type AuditEventInput } from "@/lib/server/audit/record-audit-event";
import { readStoredRows, verifyAuditChain } from "@/lib/server/audit/verify-chain";
import { createDb } from "@/lib/server/db";
import { cpuMsOf } from "./support/processes";
import { percentile } from "./support/stats";

const WRITERS = 8;
const APPENDS_PER_WRITER = 250;
const SINGLE_WRITER_APPENDS = 500;
const CHAIN_ROWS = 1_000_000;
const FILL_BATCH = 10_000;
/** verify-chain's own default. */
const READ_BATCH = 5_000;

const [databaseUrl, checkpointDirectory] = process.argv.slice(2) as [string, string];
const db = createDb(databaseUrl);
const settings = { file: join(checkpointDirectory, "checkpoint.json"), signingKey: generateKeyPairSync("ed25519").privateKey };

/** A content read as the console records one. */
const sampleEvent = (index: number): AuditEventInput => ({
  actor: { issuer: "https://idp.bench.test", subject: `reviewer-${index % 5}`, email: `reviewer${index % 5}@bench.test`, roles: ["reviewer"] },
  action: "chat.view",
  target: { type: "chat", id: `claude_chat_bench${index}` },
  organizationId: "7c1cb9af-5be3-4aea-94d9-ccb40ed5fa41",
  params: { limit: 100, after: `cursor-${index}` },
  outcome: "success",
  requestId: `dkt_bench_${index}`,
  upstreamRequestId: `req_bench_${index}`,
  clientIp: "127.0.0.1",
  userAgent: "docket-bench",
});

/** `writers` loops appending `each` events side by side; the latency of every append, and the rate. */
async function appendConcurrently(writers: number, each: number) {
  const scheduler = new CheckpointScheduler({ db: () => db, settings: async () => settings });
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      for (let index = 0; index < each; index++) {
        const before = performance.now();
        await recordAuditEvent(db, sampleEvent(writer * 1_000_000 + index), { checkpoints: scheduler });
        latencies.push(performance.now() - before);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await scheduler.whenIdle();
  return { writers, appends: latencies.length, p50Ms: percentile(latencies, 0.5), p99Ms: percentile(latencies, 0.99), perSecond: latencies.length / seconds };
}

async function appendPhase() {
  return { oneWriter: await appendConcurrently(1, SINGLE_WRITER_APPENDS), eightWriters: await appendConcurrently(WRITERS, APPENDS_PER_WRITER) };
}

/** Brings the log to exactly `rows` rows, each through the chain trigger. */
async function fill(rows: number) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const present = Number((await client.query<{ count: string }>("SELECT count(*) FROM audit_event")).rows[0]!.count);
    const started = performance.now();
    for (let next = present; next < rows; next += FILL_BATCH) {
      const size = Math.min(FILL_BATCH, rows - next);
      const columns = {
        occurredAt: [] as string[],
        subject: [] as string[],
        targetId: [] as string[],
        params: [] as string[],
        requestId: [] as string[],
        body: [] as Buffer[],
      };
      for (let index = next; index < next + size; index++) {
        const body: AuditEventBody = {
          v: AUDIT_BODY_VERSION,
          occurred_at: new Date(Date.UTC(2026, 0, 1) + index * 1000).toISOString(),
          actor_issuer: "https://idp.bench.test",
          actor_subject: `reviewer-${index % 5}`,
          actor_email: null,
          actor_roles: ["reviewer"],
          action: "chat.view",
          target_type: "chat",
          target_id: `claude_chat_fill${index}`,
          organization_id: null,
          params: { limit: 100, index },
          outcome: "success",
          request_id: `dkt_fill_${index}`,
          upstream_request_id: null,
          client_ip: null,
          user_agent: null,
        };
        columns.occurredAt.push(body.occurred_at);
        columns.subject.push(body.actor_subject!);
        columns.targetId.push(body.target_id!);
        columns.params.push(JSON.stringify(body.params));
        columns.requestId.push(body.request_id!);
        columns.body.push(bodySha256(body));
      }
      await client.query(
        `INSERT INTO audit_event (occurred_at, actor_issuer, actor_subject, actor_roles, action, target_type, target_id, params, outcome, request_id, body_sha256)
         SELECT occurred_at, 'https://idp.bench.test', subject, ARRAY['reviewer'], 'chat.view', 'chat', target_id, params::jsonb, 'success', request_id, body
         FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bytea[]) WITH ORDINALITY AS row (occurred_at, subject, target_id, params, request_id, body, position)
         ORDER BY position`,
        [columns.occurredAt, columns.subject, columns.targetId, columns.params, columns.requestId, columns.body],
      );
    }
    const seconds = (performance.now() - started) / 1000;
    return { rowsAdded: rows - present, seconds, rowsPerSecond: (rows - present) / seconds };
  } finally {
    await client.end();
  }
}

/** CPU milliseconds used so far by each PostgreSQL backend connected to this database (the server runs on this machine). */
async function backendCpuMs(): Promise<Map<number, number>> {
  const backends = await db.$queryRaw<Array<{ pid: number }>>`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`;
  return new Map(await Promise.all(backends.map(async ({ pid }) => [pid, await cpuMsOf(pid).catch(() => 0)] as const)));
}

/**
 * Wall time, CPU time (this process, every thread; and the database backends serving it) and peak
 * resident memory of this process while `work` runs.
 */
async function measurePass<T>(
  work: () => Promise<T>,
): Promise<{ result: T; seconds: number; cpuSeconds: number; databaseCpuSeconds: number; peakRssMiB: number }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  const backendsBefore = await backendCpuMs();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  try {
    const result = await work();
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    let databaseCpuMs = 0;
    for (const [pid, used] of await backendCpuMs()) databaseCpuMs += used - (backendsBefore.get(pid) ?? 0);
    return {
      result,
      seconds,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      databaseCpuSeconds: databaseCpuMs / 1000,
      peakRssMiB: Math.max(peak, process.memoryUsage.rss()) / 1024 ** 2,
    };
  } finally {
    clearInterval(timer);
  }
}

/** The same rows in batches of the verifier's size, read through the same client and not checked, as `read` returns them. */
async function readAllRows(read: (from: bigint, to: bigint) => Promise<number>) {
  const pass = await measurePass(async () => {
    let rows = 0;
    for (let from = 1n; ; from += BigInt(READ_BATCH)) {
      const count = await read(from, from + BigInt(READ_BATCH) - 1n);
      if (count === 0) return rows;
      rows += count;
    }
  });
  return {
    rows: pass.result,
    seconds: pass.seconds,
    rowsPerSecond: pass.result / pass.seconds,
    cpuSeconds: pass.cpuSeconds,
    databaseCpuSeconds: pass.databaseCpuSeconds,
    peakRssMiB: pass.peakRssMiB,
  };
}

const asPrismaRows = async (from: bigint, to: bigint) =>
  (await db.$queryRaw<unknown[]>`SELECT ${AUDIT_EVENT_COLUMNS} FROM audit_event WHERE seq >= ${from} AND seq <= ${to} ORDER BY seq`).length;

const asVerifierJson = async (from: bigint, to: bigint) => (await readStoredRows(db, from, to)).length;

async function verifyAll() {
  const { result, seconds, cpuSeconds, databaseCpuSeconds, peakRssMiB } = await measurePass(() => verifyAuditChain(db));
  if (!result.ok || result.rowsChecked !== CHAIN_ROWS) throw new Error(`The filled chain did not verify: ${JSON.stringify(result)}`);
  return { rows: result.rowsChecked, seconds, rowsPerSecond: result.rowsChecked / seconds, cpuSeconds, databaseCpuSeconds, peakRssMiB };
}

try {
  const onEmptyLog = await appendPhase();
  const filled = await fill(CHAIN_ROWS);
  const verifyAfterFill = await verifyAll();
  await db.$executeRaw`ANALYZE audit_event`;
  const verify = await verifyAll();
  const readOnly = await readAllRows(asPrismaRows);
  const readJsonOnly = await readAllRows(asVerifierJson);
  const onMillionRows = await appendPhase();
  console.log(
    JSON.stringify({
      onEmptyLog,
      filled,
      verifyAfterFill,
      verify,
      readOnly,
      readJsonOnly,
      onMillionRows,
    }),
  );
} finally {
  await db.$disconnect();
}
