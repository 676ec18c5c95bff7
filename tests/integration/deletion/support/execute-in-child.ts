// Executes an approved, queued deletion as the worker does, in a process of its own, so a test can
// kill it mid-DELETE. Run with: node --conditions=react-server --import tsx execute-in-child.ts '<json>'
import { createComplianceClient } from "@/lib/server/compliance/client";
import { createDb } from "@/lib/server/db";
import { createDeleteKeyCapability } from "@/lib/server/deletion/delete-key";
import { runQueuedDeletion } from "@/lib/server/deletion/run-queued-deletion";

interface Job {
  databaseUrl: string;
  simulatorUrl: string;
  readKey: string;
  deleteKey: string;
  deletionId: string;
}

const job = JSON.parse(process.argv[2] ?? "{}") as Job;
const db = createDb(job.databaseUrl);
const reader = createComplianceClient({ baseUrl: job.simulatorUrl, apiKey: job.readKey });
const deleter = createComplianceClient({ baseUrl: job.simulatorUrl, apiKey: job.deleteKey });
// The test's database has no checkpoint file.
const checkpoints = null;
const capability = createDeleteKeyCapability(db, { reader, deleter, deleterKind: "compliance" }, "child-worker", { checkpoints });
const outcome = await runQueuedDeletion({ db, client: reader, deleter, capability, snapshotDir: null, now: () => new Date(), checkpoints }, job.deletionId);
console.log(`executed: ${outcome}`);
await db.$disconnect();
await Promise.all([reader.close(), deleter.close()]);
