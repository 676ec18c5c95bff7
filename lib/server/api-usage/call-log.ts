import "server-only";
import { hostname } from "node:os";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ApiCallLog, ApiCallRecord } from "@/lib/server/compliance/transport";

export type DocketProcess = "web" | "worker";

export interface DatabaseCallLog {
  log: ApiCallLog;
  /** Resolves once every record handed over so far is written (or has failed). */
  flush(): Promise<void>;
}

/**
 * Records each request in compliance_api_call without making the request wait for the write: the row
 * is written beside the call, and a failed write is reported once per burst rather than failing a
 * reviewer's read. A record lost this way shows later as a call the reconciliation cannot attribute,
 * which errs on the side of an alarm, never of silence.
 */
export function createDatabaseCallLog(db: Pick<PrismaClient, "$executeRaw">, process: DocketProcess): DatabaseCallLog {
  const processId = `${hostname()}:${globalThis.process.pid}`;
  const pending = new Set<Promise<void>>();
  let warned = false;
  const write = async (call: ApiCallRecord) => {
    try {
      await db.$executeRaw`
        INSERT INTO compliance_api_call (process, process_id, method, path, started_at, duration_ms, status, request_id)
        VALUES (${process}, ${processId}, ${call.method}, ${call.path}, ${call.startedAt}, ${call.durationMs}, ${call.status}, ${call.requestId})`;
      warned = false;
    } catch (error) {
      if (!warned) console.error(`[api-usage] a Compliance API call could not be recorded: ${error instanceof Error ? error.message : String(error)}`);
      warned = true;
    }
  };
  return {
    log: (call) => {
      const written = write(call);
      pending.add(written);
      void written.finally(() => pending.delete(written));
    },
    flush: async () => {
      await Promise.all([...pending]);
    },
  };
}
