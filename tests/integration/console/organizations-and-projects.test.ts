import { describe, expect, test } from "vitest";
import { CustodianPage, OrganizationList, ProjectChatPage, ProjectDetail, ProjectPage } from "@/lib/schemas/console";
import type { ComplianceClient } from "@/lib/server/compliance/client";
import { ID_PATTERNS } from "@/lib/server/compliance/ids";
import { walkTokenPages } from "@/lib/server/compliance/pagination";
import { getProject } from "@/lib/server/console/get-project";
import { listCustodians } from "@/lib/server/console/list-custodians";
import { listOrganizations } from "@/lib/server/console/list-organizations";
import { listProjectChats } from "@/lib/server/console/list-project-chats";
import { listProjects } from "@/lib/server/console/list-projects";
import { ProjectChatsRequest, ProjectListRequest } from "@/lib/server/console/request-schemas";
import { setUpSimulatorWithClient, type RunningSimulator } from "@/tests/support/simulator";

let simulator: RunningSimulator;
let client: ComplianceClient;
setUpSimulatorWithClient({ rateLimitPerMinute: 100_000 }, (started) => ({ simulator, client } = started));

describe("listOrganizations", () => {
  test("returns every organisation the key reads, as uuid, name and creation time", async () => {
    const read = await listOrganizations(client);
    expect(OrganizationList.parse(read.dto)).toEqual(read.dto);
    const uuids = read.dto.organizations.map((organization) => organization.uuid);
    expect(uuids).toEqual(expect.arrayContaining(simulator.fixtures.organizations.map((organization) => organization.uuid)));
    expect(Object.keys(read.dto.organizations[0]!).sort()).toEqual(["createdAt", "name", "uuid"]);
    expect(read.upstreamRequestIds.length).toBeGreaterThan(0);
  });
});

describe("listCustodians", () => {
  test("pages an organisation's users with nextPage, and names the organisation for the audit row", async () => {
    const orgUuid = simulator.fixtures.organizations[0]!.uuid;
    const first = await listCustodians(client, orgUuid, { limit: 2 });
    expect(CustodianPage.parse(first.dto)).toEqual(first.dto);
    expect(first.dto.users).toHaveLength(2);
    expect(first.dto.nextPage).not.toBeNull();
    expect(first.organizationId).toBe(orgUuid);
    expect(first.dto.users[0]).toEqual({
      id: expect.stringMatching(ID_PATTERNS.user),
      email: expect.any(String),
      fullName: expect.any(String),
      organizationRole: expect.any(String),
      createdAt: expect.any(String),
    });

    const seen: string[] = [];
    let page: string | undefined;
    do {
      const read = await listCustodians(client, orgUuid, { limit: 2, page });
      seen.push(...read.dto.users.map((user) => user.id));
      page = read.dto.nextPage ?? undefined;
    } while (page);
    const all: string[] = [];
    for await (const upstream of client.organizations.walkUsers(orgUuid, 1000)) all.push(...upstream.data.map((user) => user.id));
    expect(seen).toEqual(all);
  });
});

describe("listProjects and getProject", () => {
  test("lists a page of projects with nextPage", async () => {
    const read = await listProjects(client, ProjectListRequest.parse({ limit: "2" }));
    expect(ProjectPage.parse(read.dto)).toEqual(read.dto);
    expect(read.dto.projects).toHaveLength(2);
    expect(read.dto.nextPage).not.toBeNull();
    const next = await listProjects(client, ProjectListRequest.parse({ limit: "2", page: read.dto.nextPage! }));
    expect(next.dto.projects[0]!.id).not.toBe(read.dto.projects[0]!.id);
  });

  test("filters projects by organisation", async () => {
    const orgUuid = simulator.fixtures.organizations[0]!.uuid;
    const read = await listProjects(client, ProjectListRequest.parse({ orgIds: orgUuid, limit: "100" }));
    expect(read.dto.projects.length).toBeGreaterThan(0);
    expect(read.dto.projects.every((project) => project.organizationUuid === orgUuid)).toBe(true);
  });

  test("a project's detail has every attachment, each with the id kind its view needs, and every collaborator", async () => {
    for (const projectId of [simulator.fixtures.projectWithChats, simulator.fixtures.projectWithoutChats]) {
      const read = await getProject(client, projectId);
      expect(ProjectDetail.parse(read.dto)).toEqual(read.dto);
      expect(read.dto.project.id).toBe(projectId);
      expect(read.organizationId).toBe(read.dto.project.organizationUuid);

      const upstreamAttachments = [];
      for await (const page of walkTokenPages((page) => client.projects.listAttachments(projectId, { page, limit: 100 }).then((r) => r.data)))
        upstreamAttachments.push(...page.data);
      expect(read.dto.attachments.map((attachment) => attachment.id)).toEqual(upstreamAttachments.map((attachment) => attachment.id));
      for (const attachment of read.dto.attachments) {
        if (attachment.kind === "project_file") expect(attachment.id).toMatch(ID_PATTERNS.file);
        if (attachment.kind === "project_document") expect(attachment.id).toMatch(ID_PATTERNS.projectDocument);
        expect(attachment.kind).not.toBe("unknown");
      }
      const upstreamCollaborators = [];
      for await (const page of walkTokenPages((page) => client.projects.listCollaborators(projectId, { page, limit: 100 }).then((r) => r.data)))
        upstreamCollaborators.push(...page.data);
      expect(read.dto.collaborators).toHaveLength(upstreamCollaborators.length);
    }
    const withDocument = await getProject(client, simulator.fixtures.projectWithoutChats);
    expect(withDocument.dto.attachments.map((attachment) => attachment.id)).toContain(simulator.fixtures.projectDocument);
    expect(withDocument.dto.attachments.find((attachment) => attachment.id === simulator.fixtures.projectDocument)?.kind).toBe("project_document");
  });
});

describe("listProjects filters", () => {
  test("a created-time range keeps only the projects created inside it (both bounds inclusive)", async () => {
    const all = await listProjects(client, ProjectListRequest.parse({ limit: "100" }));
    const middle = all.dto.projects[Math.floor(all.dto.projects.length / 2)]!;
    const read = await listProjects(client, ProjectListRequest.parse({ limit: "100", createdFrom: middle.createdAt, createdTo: middle.createdAt }));
    expect(read.dto.projects.map((project) => project.id)).toContain(middle.id);
    expect(read.dto.projects.every((project) => project.createdAt === middle.createdAt)).toBe(true);
  });

  test("refuses a malformed time bound before any request", () => {
    expect(ProjectListRequest.safeParse({ createdFrom: "yesterday" }).success).toBe(false);
  });
});

describe("listProjectChats", () => {
  /** The truth, the long way: every chat of the organisation, kept when it is in the project. */
  async function chatsInProject(projectId: string): Promise<string[]> {
    const project = (await client.projects.get(projectId)).data;
    const ids: string[] = [];
    for await (const page of client.chats.walk({ organizationIds: [project.organization_uuid!] })) {
      for (const chat of page.data) if (chat.project_id === projectId && chat.user !== null) ids.push(chat.id);
    }
    return ids;
  }

  test("finds every chat of the project through its organisation's members, page after page", async () => {
    const projectId = simulator.fixtures.projectWithChats;
    const expected = await chatsInProject(projectId);
    expect(expected.length).toBeGreaterThan(1);

    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const read = await listProjectChats(client, projectId, ProjectChatsRequest.parse({ limit: "1", ...(after ? { after } : {}) }));
      expect(ProjectChatPage.parse(read.dto)).toEqual(read.dto);
      expect(read.dto.coverage.scope).toBe("organization");
      expect(read.dto.chats.every((chat) => chat.projectId === projectId)).toBe(true);
      expect(read.organizationId).toEqual(expect.any(String));
      seen.push(...read.dto.chats.map((chat) => chat.id));
      after = read.dto.hasMore ? (read.dto.lastCursor ?? undefined) : undefined;
      pages++;
    } while (after && pages < 100);
    expect([...seen].sort()).toEqual([...expected].sort());
    expect(new Set(seen).size).toBe(seen.length);
  });

  test("answers an empty page for a project without chats", async () => {
    const read = await listProjectChats(client, simulator.fixtures.projectWithoutChats, {});
    expect(read.dto.chats).toEqual([]);
    expect(read.dto.hasMore).toBe(false);
    expect(read.dto.coverage.userCount).toBeGreaterThan(0);
  });
});
