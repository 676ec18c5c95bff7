// Administrators' control of people's access, against a real PostgreSQL: disabling ends every session
// in the same transaction as its audit event; enabling gives access back; nobody disables themselves.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { permissionsOf } from "@/lib/schemas/access";
import { PersonList } from "@/lib/schemas/people";
import type { Actor } from "@/lib/server/auth/session-store";
import { changeAccess, listPeople } from "@/lib/server/people/people";
import { startTestDatabase, type TestDatabase } from "@/tests/support/database";
import { VALID_SERVER_ENV } from "@/tests/support/server-env";

const META = { requestId: "dkt_people", clientIp: "203.0.113.9", userAgent: "vitest" };

let server: TestDatabase;
let db: PrismaClient;
let admin: Actor;
let leaverId: string;

beforeAll(async () => {
  // Roles are read from the groups through the role map, as the app reads them.
  Object.assign(process.env, { ...VALID_SERVER_ENV, DOCKET_ROLE_MAP: "docket-admins:admin,legal-reviewers:reviewer" });
  server = await startTestDatabase();
  ({ db } = await server.createDatabase("people"));
  const adminUser = await db.appUser.create({
    data: { issuer: "https://idp.test", subject: "admin", email: "admin@docket.test", idpGroups: ["docket-admins"] },
  });
  const leaver = await db.appUser.create({
    data: { issuer: "https://idp.test", subject: "leaver", email: "leaver@docket.test", idpGroups: ["legal-reviewers"] },
  });
  leaverId = leaver.id;
  admin = {
    userId: adminUser.id,
    issuer: adminUser.issuer,
    subject: adminUser.subject,
    email: adminUser.email,
    name: null,
    roles: ["admin"],
    permissions: permissionsOf(["admin"]),
    sessionTokenHash: "0".repeat(64),
    sessionExpiresAt: new Date(Date.now() + 3_600_000),
    authenticatedAt: new Date(),
  };
  const inAnHour = new Date(Date.now() + 3_600_000);
  await db.authSession.createMany({
    data: [
      { tokenHash: "a".repeat(64), userId: leaverId, expiresAt: inAnHour },
      { tokenHash: "b".repeat(64), userId: leaverId, expiresAt: inAnHour },
      { tokenHash: "c".repeat(64), userId: adminUser.id, expiresAt: inAnHour },
    ],
  });
});

afterAll(async () => {
  await db?.$disconnect();
  await server?.stop();
});

const auditOf = (action: string) => db.auditEvent.findMany({ where: { action }, select: { actorEmail: true, targetId: true, params: true, clientIp: true } });

describe("people's access", () => {
  it("lists everyone with their sessions, those with sessions first, and audits the listing", async () => {
    const list = PersonList.parse(await listPeople({ db, checkpoints: null }, admin, META));
    expect(list.people.map((person) => [person.email, person.sessions, person.disabled, person.roles])).toEqual(
      expect.arrayContaining([
        ["leaver@docket.test", 2, false, ["reviewer"]],
        ["admin@docket.test", 1, false, ["admin"]],
      ]),
    );
    expect(await auditOf("person.list")).toEqual([{ actorEmail: "admin@docket.test", targetId: null, params: { count: 2 }, clientIp: "203.0.113.9" }]);
  });

  it("disabling ends every session of the person at once, with the reason on record", async () => {
    const person = await changeAccess({ db, checkpoints: null }, admin, leaverId, "disable", { reason: "Left on 7 December." }, META);
    expect(person).toMatchObject({ disabled: true, sessions: 0 });
    expect(await db.authSession.count({ where: { userId: leaverId } })).toBe(0);
    expect(await db.authSession.count({ where: { userId: admin.userId } })).toBe(1);
    expect(await auditOf("person.disabled")).toEqual([
      {
        actorEmail: "admin@docket.test",
        targetId: "leaver",
        params: expect.objectContaining({ userId: leaverId, reason: "Left on 7 December.", sessionsEnded: 2, wasDisabled: false }),
        clientIp: "203.0.113.9",
      },
    ]);
  });

  it("enabling gives access back; ending sessions leaves the person enabled", async () => {
    expect(await changeAccess({ db, checkpoints: null }, admin, leaverId, "enable", { reason: "Rehired." }, META)).toMatchObject({ disabled: false });
    await db.authSession.create({ data: { tokenHash: "d".repeat(64), userId: leaverId, expiresAt: new Date(Date.now() + 3_600_000) } });
    const revoked = await changeAccess({ db, checkpoints: null }, admin, leaverId, "revoke_sessions", { reason: "Device lost." }, META);
    expect(revoked).toMatchObject({ disabled: false, sessions: 0 });
    expect((await auditOf("session.revoked")).map((event) => event.params)).toEqual([expect.objectContaining({ sessionsEnded: 1, reason: "Device lost." })]);
  });

  it("refuses an administrator disabling themselves, and a person nobody knows, changing nothing", async () => {
    await expect(changeAccess({ db, checkpoints: null }, admin, admin.userId, "disable", { reason: "Oops." }, META)).rejects.toMatchObject({
      code: "invalid_request",
    });
    await expect(
      changeAccess({ db, checkpoints: null }, admin, "00000000-0000-4000-8000-0000000be0be", "disable", { reason: "Who?" }, META),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(await db.appUser.count({ where: { disabled: true } })).toBe(0);
    expect(await db.authSession.count({ where: { userId: admin.userId } })).toBe(1);
  });
});
