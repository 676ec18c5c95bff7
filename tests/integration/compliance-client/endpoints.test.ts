import { describe, expect, test } from "vitest";
import type { ComplianceClient } from "@/lib/server/compliance/client";
import { ComplianceApiError } from "@/lib/server/compliance/errors";
import { ID_PATTERNS } from "@/lib/server/compliance/ids";
import { setUpSimulatorWithClient, type RunningSimulator } from "@/tests/support/simulator";
import { ABSENT } from "@/tests/support/simulator-ids";

let simulator: RunningSimulator;
let client: ComplianceClient;
setUpSimulatorWithClient({}, (started) => ({ simulator, client } = started));

const fixtures = () => simulator.fixtures;

async function notFound(promise: Promise<unknown>): Promise<ComplianceApiError> {
  const error = await promise.catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ComplianceApiError);
  expect(error).toMatchObject({ status: 404, type: "not_found_error" });
  return error as ComplianceApiError;
}

describe("every read endpoint, through the client, over HTTP", () => {
  test("organizations, users, roles, permissions and settings", async () => {
    const organizations = (await client.organizations.list()).data;
    expect(organizations.data.map((org) => org.uuid)).toEqual(expect.arrayContaining(fixtures().organizations.map((org) => org.uuid)));
    expect(organizations.has_more).toBe(false);
    const claudeOrg = fixtures().organizations.find((org) => org.kind === "claude_ai")!;
    const users = (await client.organizations.listUsers(claudeOrg.uuid)).data;
    expect(users.data.length).toBeGreaterThan(0);
    for (const user of users.data) expect(user.id).toMatch(ID_PATTERNS.user);
    const roles = (await client.organizations.listRoles(claudeOrg.uuid)).data;
    const role = roles.data[0]!;
    expect((await client.organizations.getRole(claudeOrg.uuid, role.id)).data).toMatchObject({ id: role.id, name: role.name });
    const permissions = (await client.organizations.listRolePermissions(claudeOrg.uuid, role.id)).data;
    expect(Array.isArray(permissions.data)).toBe(true);
    const settings = (await client.organizations.getSettings(claudeOrg.uuid)).data;
    expect(settings.organization_id).toBe(claudeOrg.uuid);
    expect(settings.settings.length).toBeGreaterThan(0);
    expect(JSON.stringify(settings)).not.toContain("sk-ant-");
  });

  test("groups and their members", async () => {
    const groups = (await client.groups.list()).data;
    const group = groups.data[0]!;
    expect((await client.groups.get(group.id)).data.id).toBe(group.id);
    const members = (await client.groups.listMembers(group.id)).data;
    for (const member of members.data) expect(member.user_id).toMatch(ID_PATTERNS.user);
    const prefixed = (await client.groups.list({ namePrefix: group.name.slice(0, 3) })).data;
    expect(prefixed.data.every((candidate) => candidate.name.startsWith(group.name.slice(0, 3)))).toBe(true);
  });

  test("chats per user and org-wide, and a chat's messages with every kind of block", async () => {
    const perUser = (await client.chats.list({ userIds: [fixtures().userWithManyChats.id], limit: 5 })).data;
    expect(perUser.data).toHaveLength(5);
    expect(perUser.data.every((chat) => chat.user?.id === fixtures().userWithManyChats.id)).toBe(true);
    const orgWide = (await client.chats.list({ orderBy: "updated_at", limit: 3 })).data;
    expect(orgWide.data).toHaveLength(3);

    const tools = (await client.chats.getMessages(fixtures().toolsChat)).data;
    const blocks = tools.chat_messages.flatMap((message) => message.content);
    const toolUses = blocks.filter((block) => block.type === "tool_use");
    const toolResults = blocks.filter((block) => block.type === "tool_result");
    expect(toolUses.length).toBeGreaterThan(0);
    expect(toolResults.some((block) => block.is_error)).toBe(true);
    expect(toolUses.some((block) => block.mcp_server_url !== null)).toBe(true);
    expect([...toolUses, ...toolResults].some((block) => block.truncated)).toBe(true);
  });

  test("tool_result_max_chars and tool_use_input_max_chars, -1 included", async () => {
    const truncated = (await client.chats.getMessages(fixtures().toolsChat)).data;
    const whole = (await client.chats.getMessages(fixtures().toolsChat, { toolResultMaxChars: -1, toolUseInputMaxChars: -1 })).data;
    const results = (chat: typeof whole) => chat.chat_messages.flatMap((message) => message.content).filter((block) => block.type === "tool_result");
    const inputs = (chat: typeof whole) => chat.chat_messages.flatMap((message) => message.content).filter((block) => block.type === "tool_use");
    expect(results(whole).every((block) => !block.truncated)).toBe(true);
    expect(inputs(whole).every((block) => !block.truncated)).toBe(true);
    const longest = Math.max(...results(whole).map((block) => block.content.reduce((sum, item) => sum + item.text.length, 0)));
    expect(longest).toBeGreaterThan(10_000);
    const small = (await client.chats.getMessages(fixtures().toolsChat, { toolResultMaxChars: 50, toolUseInputMaxChars: 50 })).data;
    for (const block of results(small)) for (const item of block.content) expect(item.text.length).toBeLessThanOrEqual(50);
    for (const block of inputs(small)) expect(block.input.length).toBeLessThanOrEqual(50);
    expect(results(truncated).some((block) => block.truncated)).toBe(true);
  });

  test("a chat the user soft-deleted is listed with deleted_at, no name and no content", async () => {
    const chat = (await client.chats.getMessages(fixtures().softDeletedChat)).data;
    expect(chat.deleted_at).not.toBeNull();
    expect(chat.name).toBe("");
    for (const message of chat.chat_messages) {
      expect(message.content).toEqual([]);
      expect(message.files).toBeNull();
    }
  });

  test("file, generated-file and artifact metadata", async () => {
    const anyFile = Object.values(fixtures().uploadedFiles)[0]!;
    const file = (await client.files.get(anyFile)).data;
    expect(file).toMatchObject({ id: anyFile });
    expect(file.md5).toMatch(/^[0-9a-f]{32}$/);
    expect(file.claude_chat_ids.length).toBeGreaterThan(0);
    const generated = (await client.generatedFiles.get(fixtures().generatedFile)).data;
    expect(generated.claude_chat_id).toMatch(ID_PATTERNS.chat);
    expect((await client.generatedFiles.get(fixtures().expiredGeneratedFile)).data.size_bytes).toBeNull();
    const version = fixtures().artifactsChat.artifacts[0]!.versionIds[0]!;
    const artifact = (await client.artifacts.get(version)).data;
    expect(artifact).toMatchObject({ version_id: version, claude_chat_id: fixtures().artifactsChat.id });
    expect(artifact.md5).toMatch(/^[0-9a-f]{32}$/);
  });

  test("projects: list, details, attachments of both kinds, collaborators, documents", async () => {
    const projects = (await client.projects.list({ limit: 100 })).data;
    expect(projects.data.map((project) => project.id)).toContain(fixtures().projectWithChats);
    const details = (await client.projects.get(fixtures().projectWithChats)).data;
    expect(details.chats_count).toBeGreaterThan(0);
    expect(typeof details.instructions).toBe("string");
    const attachments = (await client.projects.get(fixtures().projectWithoutChats)).data;
    expect(attachments.id).toBe(fixtures().projectWithoutChats);
    const listed = (await client.projects.listAttachments(fixtures().projectWithoutChats, { limit: 100 })).data;
    expect(listed.data.map((attachment) => attachment.id)).toContain(fixtures().projectDocument);
    const collaborators = (await client.projects.listCollaborators(fixtures().projectWithChats, { limit: 100 })).data;
    expect(collaborators.data.length).toBeGreaterThan(0);
    const document = (await client.projectDocuments.get(fixtures().projectDocument)).data;
    const metadata = (await client.projectDocuments.getMetadata(fixtures().projectDocument)).data;
    expect(metadata).toMatchObject({ id: fixtures().projectDocument, claude_project_id: fixtures().projectWithoutChats });
    expect(metadata.size_bytes).toBe(Buffer.byteLength(document.content, "utf8"));
  });

  test("activities, including the compliance_api_accessed record of our own calls", async () => {
    await client.organizations.list();
    const page = (await client.activities.list({ activityTypes: ["compliance_api_accessed"], limit: 5 })).data;
    expect(page.data.length).toBeGreaterThan(0);
    expect(page.data[0]).toMatchObject({ type: "compliance_api_accessed", organization_id: null });
    expect(page.data[0]?.actor?.type).toBe("api_actor");
  });

  test("local and remote sessions and their messages", async () => {
    const local = (await client.sessions.listLocal()).data;
    expect(local.data.map((session) => session.id)).toContain(fixtures().localSession);
    expect((await client.sessions.getLocal(fixtures().localSession)).data.id).toBe(fixtures().localSession);
    const localMessages = (await client.sessions.listLocalMessages(fixtures().localSession)).data;
    expect(localMessages.session.id).toBe(fixtures().localSession);
    expect(localMessages.data.some((message) => message.provenance?.type === "synthetic_marker")).toBe(true);
    const remote = (await client.sessions.listRemote()).data;
    expect(remote.data.map((session) => session.id)).toContain(fixtures().remoteSessionActive);
    const remoteMessages = (await client.sessions.listRemoteMessages(fixtures().remoteSessionActive)).data;
    expect(remoteMessages.data.length).toBeGreaterThan(0);
    await notFound(client.sessions.listRemoteMessages(fixtures().remoteSessionPending));
  });
});

describe("404s with the documented messages", () => {
  test.each([
    ["chat", (c: ComplianceClient) => c.chats.getMessages(ABSENT.chat), `Chat ${ABSENT.chat} not found.`],
    ["file", (c: ComplianceClient) => c.files.get(ABSENT.file), "No file found with provided id, or it has already been deleted."],
    ["project", (c: ComplianceClient) => c.projects.get(ABSENT.project), "No project is found with the provided id."],
    [
      "project document",
      (c: ComplianceClient) => c.projectDocuments.get(ABSENT.projectDocument),
      "No project document found with provided id, or it has already been deleted.",
    ],
    [
      "organization",
      (c: ComplianceClient) => c.organizations.listUsers(ABSENT.organization),
      `The "${ABSENT.organization}" organization does not exist or the requester is not authorized to access it.`,
    ],
    ["group", (c: ComplianceClient) => c.groups.get(ABSENT.group), "Group not found."],
    ["local session", (c: ComplianceClient) => c.sessions.getLocal(ABSENT.localSession), "Local session not found."],
  ])("%s", async (_label, call, message) => {
    expect((await notFound(call(client))).message).toBe(message);
  });
});
