import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordAuditEvent, type RecordOptions } from "@/lib/server/audit/record-audit-event";
import type { ComplianceClient } from "@/lib/server/compliance/client";
import { ComplianceApiError } from "@/lib/server/compliance/errors";
import { CAPABILITY_MESSAGES, DELETE_KEY_REPORT_ID, type CapabilityAnswer, type CapabilityEvidence, type CapabilityReason } from "./capability";

export const DELETE_SCOPE = "delete:compliance_user_data";

/** What the worker found out about its delete key; the key itself never leaves the worker. */
export interface DeleteKeyFinding extends CapabilityAnswer {
  checkedAt: Date;
  /** The key's id in the organisation's key list, when the Activity Feed named it. */
  keyId: string | null;
  /** The key's scopes, as the API gave them (a 403's "Got: [...]", or the key list). */
  scopes: string[];
}

/** The scopes in a 403's message ("Missing required scopes. Got: ['a', 'b'] Needed: [...]"), or null. */
export function scopesNamedIn(message: string): string[] | null {
  const got = /Got:\s*\[([^\]]*)\]/.exec(message);
  if (!got) return null;
  return got[1]!
    .split(",")
    .map((scope) => scope.trim().replace(/^['"]|['"]$/g, ""))
    .filter((scope) => scope !== "");
}

export interface DeleteKeyClients {
  /** The read key's client: it reads the Activity Feed and the key list. */
  reader: ComplianceClient;
  /** The delete key's client, or null when the worker was given none. */
  deleter: ComplianceClient | null;
  deleterKind: "compliance" | "admin";
}

const NO_EVIDENCE: CapabilityEvidence = { status: null, type: null, requestId: null };

/**
 * Learns whether the delete key may delete without deleting anything. The API has no endpoint for a
 * key's own scopes, but every call is in the Activity Feed as `compliance_api_accessed` with the
 * calling key's id, and the organisation's settings list every key with its scopes. So: one harmless
 * read with the delete key (a 403 to it names the key's scopes outright), then that read's request id
 * looked up in the feed, then the key's row in the key list. `earlierReads` are request ids of
 * earlier attempts: the feed may show a read only minutes later.
 */
export async function learnDeleteKey(clients: DeleteKeyClients, earlierReads: string[], now: () => Date): Promise<DeleteKeyFinding> {
  const finding = (reason: CapabilityReason, evidence: CapabilityEvidence, extra: { detail?: string; keyId?: string | null; scopes?: string[] } = {}) => ({
    reason,
    message: extra.detail ? `${CAPABILITY_MESSAGES[reason]} (${extra.detail})` : CAPABILITY_MESSAGES[reason],
    checkedAt: now(),
    evidence,
    keyId: extra.keyId ?? null,
    scopes: extra.scopes ?? [],
  });
  if (!clients.deleter) return finding("no_delete_key", NO_EVIDENCE);
  if (clients.deleterKind === "admin") return finding("admin_key", NO_EVIDENCE);

  let organizationUuid: string | null;
  let evidence: CapabilityEvidence;
  try {
    const page = await clients.deleter.organizations.list({ limit: 1 });
    organizationUuid = page.data.data[0]?.uuid ?? null;
    evidence = { status: 200, type: null, requestId: page.requestId };
    if (page.requestId) earlierReads.push(page.requestId);
  } catch (error) {
    if (!(error instanceof ComplianceApiError)) return finding("unverified", NO_EVIDENCE);
    const refused = { status: error.status, type: error.type, requestId: error.requestId };
    const scopes = error.status === 403 ? scopesNamedIn(error.message) : null;
    if (scopes) return finding(scopes.includes(DELETE_SCOPE) ? "available" : "delete_scope_missing", refused, { scopes, detail: error.message });
    if (error.status === 401) return finding("no_delete_key", refused, { detail: `the API refused the delete key: ${error.message}` });
    return finding("unverified", refused);
  }

  const keyId = await keyIdOf(clients.reader, earlierReads).catch(() => null);
  const keys = organizationUuid ? await keyList(clients.reader, organizationUuid).catch(() => null) : null;
  if (!keys) return finding("unverified", evidence, { keyId, detail: "the organisation's key list could not be read" });
  const live = (key: (typeof keys)[number]) => key.is_active !== false && (key.expires_at === null || Date.parse(key.expires_at) > now().getTime());
  const own = keyId ? keys.find((key) => key.id === keyId) : undefined;
  if (own) {
    const scopes = [...own.scopes];
    if (!live(own)) return finding("no_delete_key", evidence, { keyId, scopes, detail: `the key ${keyId} is deactivated or expired` });
    return finding(scopes.includes(DELETE_SCOPE) ? "available" : "delete_scope_missing", evidence, { keyId, scopes, detail: `key ${keyId}` });
  }
  const deleting = keys.filter((key) => live(key) && key.scopes.includes(DELETE_SCOPE));
  if (deleting.length === 0) return finding("delete_scope_missing", evidence, { detail: "no active key of the organisation carries it" });
  // The feed has not shown the read yet: the scope is there on some key; a DELETE refused for it would say otherwise.
  return finding("available", evidence, {
    detail: `the Activity Feed has not yet named Docket's key; ${deleting.length} active key${deleting.length === 1 ? "" : "s"} of the organisation carr${deleting.length === 1 ? "ies" : "y"} the delete scope`,
  });
}

/** The key that made one of `requestIds`, from the newest `compliance_api_accessed` activities. */
async function keyIdOf(reader: ComplianceClient, requestIds: string[]): Promise<string | null> {
  if (requestIds.length === 0) return null;
  const wanted = new Set(requestIds);
  const page = await reader.activities.list({ activityTypes: ["compliance_api_accessed"], limit: 500 });
  for (const activity of page.data.data) {
    if (typeof activity.request_id !== "string" || !wanted.has(activity.request_id)) continue;
    const keyId = (activity.actor as { api_key_id?: unknown } | null)?.api_key_id;
    if (typeof keyId === "string") return keyId;
  }
  return null;
}

async function keyList(reader: ComplianceClient, organizationUuid: string) {
  return (await reader.organizations.getSettings(organizationUuid)).data.api_keys;
}

/** How often a worker learns its key again: a key may be revoked or replaced while it runs. */
export const REPORT_INTERVAL_MS = 10 * 60_000;
/** An inconclusive answer is asked again after this long, not at every execution. */
const UNVERIFIED_RETRY_MS = 30_000;

export interface DeleteKeyCapability {
  /** The current answer (learnt again when inconclusive and half a minute old). */
  check(): Promise<CapabilityAnswer>;
  /** Learns again now, and reports it. */
  refresh(): Promise<DeleteKeyFinding>;
  /** A real DELETE was refused for the scope: the key cannot delete, whatever was learnt. */
  markScopeMissing(evidence: CapabilityEvidence, message: string): Promise<void>;
}

/**
 * The worker's knowledge of its delete key: learnt at start and every REPORT_INTERVAL_MS, written to
 * the report the web app reads, and audited whenever the answer changes.
 */
export function createDeleteKeyCapability(
  db: PrismaClient,
  clients: DeleteKeyClients,
  reporter: string,
  options: { now?: () => Date; checkpoints?: RecordOptions["checkpoints"] } = {},
): DeleteKeyCapability {
  const now = options.now ?? (() => new Date());
  const earlierReads: string[] = [];
  let current: DeleteKeyFinding | null = null;
  let inFlight: Promise<DeleteKeyFinding> | null = null;

  async function report(next: DeleteKeyFinding): Promise<DeleteKeyFinding> {
    const previous = current;
    current = next;
    const row = {
      reason: next.reason,
      message: next.message,
      keyId: next.keyId,
      scopes: next.scopes,
      evidence: { ...next.evidence },
      reportedBy: reporter,
      checkedAt: next.checkedAt,
    };
    await db.deleteKeyReport.upsert({ where: { id: DELETE_KEY_REPORT_ID }, create: { id: DELETE_KEY_REPORT_ID, ...row }, update: row });
    if (previous?.reason !== next.reason) {
      await recordAuditEvent(
        db,
        {
          actor: null,
          action: "deletion.capability",
          params: {
            reason: next.reason,
            keyId: next.keyId,
            scopes: next.scopes,
            upstreamStatus: next.evidence.status,
            upstreamType: next.evidence.type,
            reportedBy: reporter,
          },
          outcome: next.reason === "available" ? "success" : "denied",
          upstreamRequestId: next.evidence.requestId,
        },
        { checkpoints: options.checkpoints },
      );
    }
    return next;
  }

  function refresh(): Promise<DeleteKeyFinding> {
    if (earlierReads.length > 20) earlierReads.splice(0, earlierReads.length - 20);
    inFlight ??= learnDeleteKey(clients, earlierReads, now)
      .then(report)
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  }

  return {
    async check() {
      if (!current || (current.reason === "unverified" && now().getTime() - current.checkedAt.getTime() >= UNVERIFIED_RETRY_MS)) return refresh();
      return current;
    },
    refresh,
    async markScopeMissing(evidence, message) {
      await report({
        reason: "delete_scope_missing",
        message: `${CAPABILITY_MESSAGES.delete_scope_missing} (${message})`,
        checkedAt: now(),
        evidence,
        keyId: current?.keyId ?? null,
        scopes: scopesNamedIn(message) ?? [],
      });
    },
  };
}
