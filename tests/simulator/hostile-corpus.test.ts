import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATASET_SIZES } from "@/lib/simulator/dataset/profiles";
import { HOSTILE_SNIPPETS } from "@/lib/simulator/dataset/hostile";
import type { RunningSimulator } from "@/lib/simulator/server";
import { call, qs, start, type Json } from "./helpers";

/** What every corpus-carrying field must contain: a payload that a browser running it would reveal. */
const OBSERVABLE = /window\.__xss=1/;
/** RFC 5322 dot-atom local part and a plain domain: the hostile address must still be a valid one. */
const ADDR_SPEC = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[a-z0-9-]+(\.[a-z0-9-]+)+$/;

it("makes every payload of the corpus observable, not an alert alone", () => {
  expect(HOSTILE_SNIPPETS.filter((snippet) => snippet.includes("alert(") && !OBSERVABLE.test(snippet))).toEqual([]);
});

describe.each(DATASET_SIZES)("the %s dataset puts the XSS corpus in every field a reviewer sees", (dataset) => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await start({ dataset });
  });
  afterAll(() => sim.close());

  const corpus = () => sim.fixtures.hostileCorpus;

  it("in an organisation name, and in the hostile custodian's name and still-valid address", async () => {
    const organizations = (await call(sim, "/v1/compliance/organizations")).body.data as Json[];
    expect(organizations.find((organization) => organization.uuid === corpus().organization.uuid)?.name).toBe(corpus().organization.name);
    expect(corpus().organization.name).toMatch(OBSERVABLE);

    const users = (await call(sim, `/v1/compliance/organizations/${corpus().user.organizationUuid}/users?limit=1000`)).body.data as Json[];
    const hostile = users.find((user) => user.id === sim.fixtures.hostileUser);
    expect(hostile).toMatchObject({ full_name: corpus().user.fullName, email: corpus().user.email });
    expect(hostile.full_name).toMatch(OBSERVABLE);
    expect(hostile.email).toMatch(OBSERVABLE);
    expect(hostile.email).toMatch(ADDR_SPEC);
  });

  it("in the hostile chat's name and owner, in the chat list", async () => {
    const chats = (await call(sim, `/v1/compliance/apps/chats${qs({ "user_ids[]": sim.fixtures.hostileUser, limit: 1000 })}`)).body.data as Json[];
    const chat = chats.find((candidate) => candidate.id === sim.fixtures.hostileChat);
    expect(chat).toMatchObject({ name: corpus().chat.name, user: { id: sim.fixtures.hostileUser, email_address: corpus().user.email } });
    expect(chat.name).toMatch(OBSERVABLE);
  });

  it("in message text, tool inputs and outputs, connector names and URLs, files, generated files and artifact titles", async () => {
    const thread = (
      await call(sim, `/v1/compliance/apps/chats/${sim.fixtures.hostileChat}/messages${qs({ tool_result_max_chars: -1, tool_use_input_max_chars: -1 })}`)
    ).body;
    const messages = thread.chat_messages as Json[];
    expect(messages).toHaveLength(corpus().chat.messageCount);
    const blocks = messages.flatMap((message) => message.content) as Json[];

    const textsOf = (role: string) =>
      messages.filter((message) => message.role === role).flatMap((message) => message.content.filter((block: Json) => block.type === "text"));
    for (const role of ["user", "assistant"]) {
      for (const snippet of corpus().snippets)
        expect(
          textsOf(role).some((block) => block.text.includes(snippet)),
          `${role}: ${snippet}`,
        ).toBe(true);
    }

    const uses = blocks.filter((block) => block.type === "tool_use");
    const results = blocks.filter((block) => block.type === "tool_result");
    expect(uses.some((use) => OBSERVABLE.test(use.input))).toBe(true);
    for (const snippet of corpus().snippets) expect(results.some((result) => result.content.some((item: Json) => item.text.includes(snippet)))).toBe(true);
    const connector = corpus().chat.connector;
    expect(connector.integration).toMatch(OBSERVABLE);
    expect(connector.url).toMatch(/^javascript:/);
    for (const toolBlocks of [uses, results]) {
      expect(toolBlocks).toContainEqual(expect.objectContaining({ integration_name: connector.integration, mcp_server_url: connector.url }));
    }

    const names = messages.flatMap((message) => [
      ...(message.files ?? []).map((file: Json) => file.filename),
      ...(message.generated_files ?? []).map((file: Json) => file.filename),
      ...(message.artifacts ?? []).map((artifact: Json) => artifact.title),
    ]);
    expect(names.sort()).toEqual([...corpus().chat.attachmentNames].sort());
    for (const kind of ["files", "generated_files", "artifacts"]) {
      const listed = messages.flatMap((message) => message[kind] ?? []) as Json[];
      expect(listed.some((item) => OBSERVABLE.test(item.filename ?? item.title))).toBe(true);
    }
  });

  it("in the hostile project's name, description, instructions, owner, collaborators, attachment names and document text", async () => {
    const projectPath = `/v1/compliance/apps/projects/${sim.fixtures.hostileProject}`;
    const project = (await call(sim, projectPath)).body;
    const { attachmentNames, ...fields } = corpus().project;
    expect(project).toMatchObject({ ...fields, user: { id: sim.fixtures.hostileUser, email_address: corpus().user.email } });
    for (const field of ["name", "description", "instructions"]) expect(project[field]).toMatch(OBSERVABLE);

    const collaborators = (await call(sim, `${projectPath}/collaborators?limit=100`)).body.data as Json[];
    const groups = (await call(sim, "/v1/compliance/groups?limit=1000")).body.data as Json[];
    const groupNames = collaborators.filter((c) => c.type === "group").map((c) => groups.find((group) => group.id === c.group_id)?.name);
    expect(groupNames.some((name) => OBSERVABLE.test(name))).toBe(true);
    expect(collaborators).toContainEqual(expect.objectContaining({ type: "user", user_id: sim.fixtures.hostileUser }));

    const attachments = (await call(sim, `${projectPath}/attachments?limit=100`)).body.data as Json[];
    const hostileDocument = attachments.find((attachment) => attachment.type === "project_doc" && OBSERVABLE.test(attachment.filename));
    expect(hostileDocument).toBeDefined();
    expect(attachments.some((attachment) => attachment.type === "project_file" && /[<>"]/.test(attachment.filename))).toBe(true);
    expect(attachments.map((attachment) => attachment.filename).sort()).toEqual([...attachmentNames].sort());
    const document = (await call(sim, `/v1/compliance/apps/projects/documents/${hostileDocument.id}`)).body;
    for (const snippet of corpus().snippets) expect(document.content).toContain(snippet);
  });
});
