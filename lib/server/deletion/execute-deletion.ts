import "server-only";
import { createHash } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { DeletionOutcome, DeletionSummary, DeletionTargetKind } from "@/lib/schemas/deletions";
import { canonicalJson } from "@/lib/server/audit/canonical-json";
import type { RecordOptions } from "@/lib/server/audit/record-audit-event";
import type { ComplianceClient } from "@/lib/server/compliance/client";
import { ComplianceApiError, ComplianceNetworkError, ComplianceRequestValidationError } from "@/lib/server/compliance/errors";
import { AppError } from "@/lib/server/http/errors";
import { findCoveringHolds, holdMessage } from "@/lib/server/legal-holds/find-covering-holds";
import { uniqueHoldKeys, type HoldKey } from "@/lib/server/legal-holds/hold-keys";
import { lockHolds } from "@/lib/server/legal-holds/hold-lock";
import { CAPABILITY_MESSAGES, refusesDeletion } from "./capability";
import type { DeleteKeyCapability } from "./delete-key";
import { DELETION_INCLUDE, type DeletionRow } from "./deletion-dto";
import { recordDeletionEvent, transition, type Cause } from "./deletion-events";
import { expireIfDue } from "./expire-deletions";
import { keepFileBytes, type KeptFile } from "./keep-file-bytes";
import { readTarget, type TargetReading } from "./read-target";

/** What one DELETE came to. `unknown`: it may or may not have happened; the reconciler reads it back. */
interface UpstreamResult {
  status: "succeeded" | "failed" | "unknown";
  outcome: DeletionOutcome;
  httpStatus: number | null;
  requestId: string | null;
  body: { [key: string]: string | null | { type: string; message: string } } | null;
}

/** What the worker executes deletions with: the only dependencies in Docket that hold the delete key. */
export interface ExecutionDeps {
  db: PrismaClient;
  /** The read key's client: the object is read with it for the snapshot. */
  client: ComplianceClient;
  /** The delete key's client, for DELETEs only; null when the worker was given no delete key. */
  deleter: ComplianceClient | null;
  capability: Pick<DeleteKeyCapability, "check" | "markScopeMissing">;
  /** Where the bytes of files about to be deleted are kept; null: hashes and metadata only. */
  snapshotDir: string | null;
  now: () => Date;
  checkpoints?: RecordOptions["checkpoints"];
}

/**
 * Runs an approved request: re-check expiry, capability and holds, keep the pre-deletion snapshot,
 * write the intent (status `executing` and its audit event, in one transaction: if that fails, no
 * DELETE is sent), send the DELETE once (the client never retries a DELETE), and record what came of
 * it. Returns the request as it then stands.
 */
export async function executeDeletion(deps: ExecutionDeps, cause: Cause, deletionId: string): Promise<DeletionRow> {
  const row = await loadDeletion(deps, deletionId);
  if (row.status !== "approved") throw new AppError("deletion_state", `This request is ${row.status}: only an approved request is executed.`);
  if (await expireIfDue(deps, row, cause)) throw new AppError("deletion_expired");

  const capability = deps.deleter ? await deps.capability.check() : { reason: "no_delete_key" as const, message: CAPABILITY_MESSAGES.no_delete_key };
  const deleter = deps.deleter;
  if (!deleter || refusesDeletion(capability.reason)) {
    await recordDeletionEvent(
      deps.db,
      row,
      cause,
      { action: "deletion.blocked", outcome: "denied", params: { reason: capability.reason, step: "execute" } },
      deps.checkpoints,
    );
    throw new AppError("delete_unavailable", capability.message);
  }

  const target = {
    kind: row.targetKind as DeletionTargetKind,
    id: row.targetId,
    ...(row.targetProjectId && row.targetKind === "file" ? { projectId: row.targetProjectId } : {}),
  };
  let reading: TargetReading;
  try {
    reading = await readTarget(deps.client, target, true);
  } catch (error) {
    // Gone before Docket's DELETE: nothing to send, and nothing this request deleted.
    if (error instanceof AppError && error.code === "not_found") return settleWithoutCall(deps, row, cause, { kind: "already_gone", message: error.message });
    throw error;
  }
  const kept = deps.snapshotDir ? await keepFileBytes(deps.client, deps.snapshotDir, reading.files) : [];
  const snapshot = snapshotOf(row, reading, kept, deps.now());

  const intent = await writeIntent(deps, row, cause, uniqueHoldKeys([...(row.holdKeys as HoldKey[]), ...reading.holdKeys]), snapshot);
  if (intent.heldBy) return loadDeletion(deps, deletionId);

  const result = await sendDelete(deleter, row.targetKind as DeletionTargetKind, row.targetId, row.summary as DeletionSummary);
  if (result.outcome.kind === "no_delete_scope") {
    const refusal = result.body?.error;
    await deps.capability
      .markScopeMissing(
        { status: result.httpStatus, type: "permission_error", requestId: result.requestId },
        typeof refusal === "object" && refusal ? refusal.message : "",
      )
      .catch((error: unknown) =>
        console.error(`[deletion ${row.id}] the key's refusal was not reported: ${error instanceof Error ? error.message : String(error)}`),
      );
  }
  await recordOutcome(deps, row, cause, result);
  return loadDeletion(deps, deletionId);
}

export async function loadDeletion(deps: { db: PrismaClient }, deletionId: string): Promise<DeletionRow> {
  const row = await deps.db.deletionRequest.findUnique({ where: { id: deletionId }, include: DELETION_INCLUDE });
  if (!row) throw new AppError("not_found", "There is no deletion request with this id.");
  return row;
}

const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

interface Snapshot {
  content: string;
  sha256: string;
  messageCount: number;
  fileCount: number;
  storedFileCount: number;
  takenAt: Date;
}

/**
 * The evidence, as RFC 8785 JSON text (stored byte for byte as hashed). Strings are made well-formed
 * first (a lone surrogate becomes U+FFFD), as canonical JSON requires.
 */
function snapshotOf(row: DeletionRow, reading: TargetReading, kept: KeptFile[], takenAt: Date): Snapshot {
  const evidence = {
    v: 1,
    deletionId: row.id,
    takenAt: takenAt.toISOString(),
    target: reading.facts,
    summary: reading.summary,
    records: reading.records,
    files: reading.files,
    keptFiles: kept,
    upstreamRequestIds: reading.upstreamRequestIds,
  };
  const wellFormed: unknown = JSON.parse(JSON.stringify(evidence), (_key, value: unknown) =>
    typeof value === "string" ? value.replace(LONE_SURROGATES, "\uFFFD") : value,
  );
  const content = canonicalJson(wellFormed);
  return {
    content,
    sha256: createHash("sha256").update(content, "utf8").digest("hex"),
    messageCount: reading.messageCount,
    fileCount: reading.files.length,
    storedFileCount: kept.length,
    takenAt,
  };
}

/**
 * One transaction: the holds are checked under the shared hold lock (a hold being created waits, or
 * was committed and is seen), then either the refusal or the snapshot, the `executing` state and the
 * intent's audit event. Any failure here is a 503 and no DELETE.
 */
async function writeIntent(deps: ExecutionDeps, row: DeletionRow, cause: Cause, holdKeys: HoldKey[], snapshot: Snapshot): Promise<{ heldBy: boolean }> {
  try {
    return await deps.db.$transaction(async (tx) => {
      await lockHolds(tx, "shared");
      const holds = await findCoveringHolds(tx, holdKeys);
      if (holds.length > 0) {
        const outcome: DeletionOutcome = { kind: "legal_hold", message: holdMessage(holds.map((hold) => hold.matterName)), holds };
        if (!(await transition(tx, row, ["approved"], "failed", { outcome, holdKeys, updatedAt: deps.now() }))) throw stateConflict();
        await recordDeletionEvent(
          tx,
          row,
          cause,
          { action: "deletion.blocked", outcome: "denied", params: { reason: "legal_hold", step: "execute", holds } },
          deps.checkpoints,
        );
        return { heldBy: true };
      }
      const now = deps.now();
      const moved = await transition(
        tx,
        row,
        ["approved"],
        "executing",
        { attempts: 1, executionStartedAt: now, executionError: null, holdKeys, updatedAt: now },
        { expiresAt: { gt: now } },
      );
      if (!moved) throw stateConflict();
      await tx.deletionSnapshot.create({
        data: {
          deletionRequestId: row.id,
          takenAt: snapshot.takenAt,
          content: snapshot.content,
          sha256: snapshot.sha256,
          messageCount: snapshot.messageCount,
          fileCount: snapshot.fileCount,
          storedFileCount: snapshot.storedFileCount,
        },
      });
      await recordDeletionEvent(
        tx,
        row,
        cause,
        {
          action: "deletion.snapshot",
          outcome: "success",
          params: { sha256: snapshot.sha256, messageCount: snapshot.messageCount, fileCount: snapshot.fileCount, storedFileCount: snapshot.storedFileCount },
        },
        deps.checkpoints,
      );
      await recordDeletionEvent(
        tx,
        row,
        cause,
        { action: "deletion.executing", outcome: "intent", params: { snapshotSha256: snapshot.sha256 } },
        deps.checkpoints,
      );
      return { heldBy: false };
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    console.error(`[deletion ${row.id}] intent not written, nothing sent: ${error instanceof Error ? error.message : String(error)}`);
    throw new AppError("audit_unavailable", "The deletion's intent could not be recorded, so nothing was sent to the Compliance API. Try again shortly.");
  }
}

function stateConflict(): AppError {
  return new AppError("deletion_state", "This request changed meanwhile (another person or process is executing or settled it).");
}

/** Settles an approved request whose object was already gone: no DELETE is sent. */
async function settleWithoutCall(deps: ExecutionDeps, row: DeletionRow, cause: Cause, outcome: DeletionOutcome): Promise<DeletionRow> {
  await deps.db.$transaction(async (tx) => {
    if (!(await transition(tx, row, ["approved"], "failed", { outcome, updatedAt: deps.now() }))) throw stateConflict();
    await recordDeletionEvent(tx, row, cause, { action: "deletion.failed", outcome: "failure", params: { outcome: outcome.kind } }, deps.checkpoints);
  });
  return loadDeletion(deps, row.id);
}

const DELETE_CALLS: Record<DeletionTargetKind, (client: ComplianceClient, id: string) => ReturnType<ComplianceClient["chats"]["delete"]>> = {
  chat: (client, id) => client.chats.delete(id),
  file: (client, id) => client.files.delete(id),
  project_document: (client, id) => client.projectDocuments.delete(id),
  project: (client, id) => client.projects.delete(id),
  code_artifact: (client, id) => client.codeArtifacts.delete(id),
};

/** Sends the DELETE once and says what it came to (a 409 or 4xx is final, a timeout or 5xx unknown). */
async function sendDelete(client: ComplianceClient, kind: DeletionTargetKind, id: string, summary: DeletionSummary): Promise<UpstreamResult> {
  try {
    const { data, requestId } = await DELETE_CALLS[kind](client, id);
    return {
      status: "succeeded",
      outcome: { kind: "deleted", message: "The Compliance API confirmed the deletion." },
      httpStatus: 200,
      requestId,
      body: { id: data.id, type: data.type ?? null },
    };
  } catch (error) {
    return classifyFailure(error, summary);
  }
}

function classifyFailure(error: unknown, summary: DeletionSummary): UpstreamResult {
  if (error instanceof ComplianceApiError) {
    const answer = { httpStatus: error.status, requestId: error.requestId, body: { error: { type: error.type, message: error.message } } };
    const failed = (kind: DeletionOutcome["kind"], message: string, extra: Partial<DeletionOutcome> = {}): UpstreamResult => ({
      ...answer,
      status: "failed",
      outcome: { kind, message, ...extra },
    });
    if (error.status === 409 && summary.kind === "project") {
      const count = Math.max(summary.chatsCount, summary.chats.length);
      return failed(
        "project_has_chats",
        `The project still has ${count} chat${count === 1 ? "" : "s"}: delete ${count === 1 ? "it" : "them"} first, then the project.`,
        {
          attachedChats: summary.chats,
        },
      );
    }
    if (error.status === 404) return failed("already_gone", "The Compliance API answered 404: the object was gone before this DELETE.");
    if (error.status === 403 && error.type === "permission_error") return failed("no_delete_scope", `The key lacks the delete scope. ${error.message}`);
    if (error.status === 429) return failed("rate_limited", "The Compliance API's rate limit refused the DELETE before it ran. Make a new request shortly.");
    if (error.status >= 500)
      return {
        ...answer,
        status: "unknown",
        outcome: {
          kind: "unknown",
          message: `The Compliance API failed (status ${error.status}); the object is read back to find out whether it was deleted.`,
        },
      };
    return failed("refused", `The Compliance API refused the DELETE (status ${error.status}): ${error.message}`);
  }
  if (error instanceof ComplianceNetworkError && error.phase === "connect") {
    return { status: "failed", outcome: { kind: "not_sent", message: error.message }, httpStatus: null, requestId: null, body: null };
  }
  if (error instanceof ComplianceRequestValidationError) {
    return { status: "failed", outcome: { kind: "not_sent", message: error.message }, httpStatus: null, requestId: null, body: null };
  }
  // A timeout, a broken connection or an unreadable 2xx: it may have happened.
  const message = error instanceof Error ? error.message : "The DELETE's outcome is unknown.";
  return {
    status: "unknown",
    outcome: { kind: "unknown", message: `${message} The object is read back to find out whether it was deleted.` },
    httpStatus: null,
    requestId: "requestId" in (error as object) ? ((error as { requestId: string | null }).requestId ?? null) : null,
    body: null,
  };
}

const OUTCOME_ACTIONS = { succeeded: "deletion.succeeded", failed: "deletion.failed", unknown: "deletion.unknown" } as const;

/**
 * The outcome and its audit event, in one transaction. If it cannot be written the request stays
 * `executing` (the reconciler settles it) and the caller hears 503, never "deleted". If the reconciler
 * settled it first, what the DELETE said is still audited, marked late.
 */
async function recordOutcome(deps: ExecutionDeps, row: DeletionRow, cause: Cause, result: UpstreamResult): Promise<void> {
  try {
    await deps.db.$transaction(async (tx) => {
      const data = {
        outcome: result.outcome,
        upstreamRequestId: result.requestId,
        upstreamStatus: result.httpStatus,
        upstreamBody: result.body ?? undefined,
        updatedAt: deps.now(),
      };
      const moved = await transition(tx, row, ["executing"], result.status, data);
      await recordDeletionEvent(
        tx,
        row,
        cause,
        {
          action: OUTCOME_ACTIONS[result.status],
          outcome: result.status === "succeeded" ? "success" : "failure",
          params: { outcome: result.outcome.kind, upstreamStatus: result.httpStatus, ...(moved ? {} : { late: true }) },
          upstreamRequestId: result.requestId,
        },
        deps.checkpoints,
      );
    });
  } catch (error) {
    console.error(
      `[deletion ${row.id}] outcome ${result.status} not recorded (upstream request ${result.requestId ?? "none"}): ${error instanceof Error ? error.message : String(error)}`,
    );
    throw new AppError("outcome_unrecorded", undefined, { deletionId: row.id });
  }
}
