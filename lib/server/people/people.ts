import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { PersonAccessBody, PersonDto, PersonList } from "@/lib/schemas/people";
import { recordAuditEvent, type RecordOptions } from "@/lib/server/audit/record-audit-event";
import { rolesFromGroups } from "@/lib/server/auth/roles";
import { auditActorOf, type Actor } from "@/lib/server/auth/session-store";
import { AppError } from "@/lib/server/http/errors";
import type { RequestMetadata } from "@/lib/server/http/request-metadata";

export interface PeopleDeps {
  db: PrismaClient;
  /** Where audit appends ask for a checkpoint (default: the app's scheduler). */
  checkpoints?: RecordOptions["checkpoints"];
}

type PersonRow = {
  id: string;
  issuer: string;
  subject: string;
  email: string | null;
  name: string | null;
  idp_groups: string[];
  disabled: boolean;
  last_sign_in_at: Date | null;
  sessions: bigint;
  last_seen_at: Date | null;
};

function toPersonDto(row: PersonRow): PersonDto {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    roles: rolesFromGroups(row.idp_groups),
    disabled: row.disabled,
    lastSignInAt: row.last_sign_in_at?.toISOString() ?? null,
    sessions: Number(row.sessions),
    lastSeenAt: row.last_seen_at?.toISOString() ?? null,
  };
}

async function readPeople(db: PrismaClient, userId: string | null): Promise<PersonRow[]> {
  return db.$queryRaw<PersonRow[]>`
    SELECT u.id, u.issuer, u.subject, u.email, u.name, u.idp_groups, u.disabled, u.last_sign_in_at,
           count(s.token_hash) AS sessions, max(s.last_seen_at) AS last_seen_at
    FROM app_user u LEFT JOIN auth_session s ON s.user_id = u.id AND s.expires_at > now()
    WHERE ${userId}::uuid IS NULL OR u.id = ${userId}::uuid
    GROUP BY u.id
    ORDER BY count(s.token_hash) > 0 DESC, max(s.last_seen_at) DESC NULLS LAST, u.email`;
}

/** Everyone who has signed in, those with sessions first; the listing itself is audited. */
export async function listPeople(deps: PeopleDeps, actor: Actor, metadata: RequestMetadata): Promise<PersonList> {
  const rows = await readPeople(deps.db, null);
  await recordAuditEvent(
    deps.db,
    { actor: auditActorOf(actor), action: "person.list", params: { count: rows.length }, outcome: "success", ...metadata },
    { checkpoints: deps.checkpoints },
  );
  return { people: rows.map(toPersonDto) };
}

type AccessChange = "disable" | "enable" | "revoke_sessions";

const ACTIONS = { disable: "person.disabled", enable: "person.enabled", revoke_sessions: "session.revoked" } as const;

/**
 * Disables a person (their sessions end at once, and a sign-in is refused until they are enabled),
 * enables them again, or ends their sessions. The change, the sessions it ended and its audit event
 * commit together. An administrator may not disable themselves: no one would be left to undo it.
 */
export async function changeAccess(
  deps: PeopleDeps,
  actor: Actor,
  userId: string,
  change: AccessChange,
  body: PersonAccessBody,
  metadata: RequestMetadata,
): Promise<PersonDto> {
  if (change === "disable" && userId === actor.userId) {
    throw new AppError("invalid_request", "You cannot disable your own account: ask another administrator.");
  }
  await deps.db.$transaction(async (tx) => {
    const person = await tx.appUser.findUnique({ where: { id: userId } });
    if (!person) throw new AppError("not_found", "Nobody with this id has signed in to Docket.");
    if (change !== "revoke_sessions") await tx.appUser.update({ where: { id: userId }, data: { disabled: change === "disable" } });
    const ended = change === "enable" ? 0 : (await tx.authSession.deleteMany({ where: { userId } })).count;
    await recordAuditEvent(
      tx,
      {
        actor: auditActorOf(actor),
        action: ACTIONS[change],
        target: { type: "person", id: person.subject },
        params: { userId, email: person.email, issuer: person.issuer, reason: body.reason, sessionsEnded: ended, wasDisabled: person.disabled },
        outcome: "success",
        ...metadata,
      },
      { checkpoints: deps.checkpoints },
    );
  });
  const [row] = await readPeople(deps.db, userId);
  return toPersonDto(row!);
}
