// Notable ids for tests, benchmarks and the demo: what to open to see each kind of content.

import { artifactId, artifactSlots, artifactVersionId } from "./artifacts";
import { chatFileInfo, generatedOf, genFileInfo, uploadsOf } from "./chat-files";
import { chatId, chatName, ChatKind } from "./chats";
import type { Dataset } from "./dataset";
import { homeOrg } from "./directory";
import { CORPUS_FILENAMES, type CorpusFile } from "./filenames";
import { HOSTILE_CONNECTOR, HOSTILE_FILENAMES, HOSTILE_ORGANIZATION_NAME, HOSTILE_SNIPPETS } from "./hostile";
import { LARGE_FILE_SIZE } from "./large-file";
import { LocalKind, localMessage } from "./sessions";
import { projectDoc, projectFile } from "./projects";

export interface Fixtures {
  dataset: string;
  seed: number;
  parentOrganization: { uuid: string; id: string; name: string };
  organizations: Array<{ uuid: string; id: string; name: string; kind: "claude_ai" | "console" }>;
  userWithManyChats: { id: string; email: string; chatCount: number };
  hostileUser: string;
  departedUser: string;
  longChat: { id: string; messageCount: number };
  softDeletedChat: string;
  toolsChat: string;
  artifactsChat: { id: string; artifacts: Array<{ id: string; type: string; versionIds: string[] }> };
  filesChat: string;
  hostileChat: string;
  tiedChats: [string, string];
  /** A chat of another user of the same organisation, created at the same microsecond as tiedChats. */
  crossUserTie: { chat: string; user: string };
  uploadedFiles: Record<string, string>;
  hostileFile: { id: string; filename: string };
  reattachedFile: string;
  generatedFile: string;
  expiredGeneratedFile: string;
  projectWithChats: string;
  projectWithoutChats: string;
  projectDocument: string;
  hostileProject: string;
  hostileCorpus: HostileCorpus;
  previewCorpus: PreviewCorpus;
  localSession: string;
  localSessionNotCaptured: string;
  /** The first local session whose transcript quotes the XSS corpus, with the corpus texts it shows. */
  hostileSession: { id: string; messageCount: number; snippets: string[] };
  remoteSessionActive: string;
  remoteSessionPending: string;
  remoteSessionAgentOwned: string;
  largestFile: { id: string; sizeBytes: number };
  codeArtifact: { id: string; versionId: string };
  codeArtifactUploading: { id: string; versionId: string };
  /** Its HTML carries the hostile corpus's first two snippets. */
  codeArtifactHostile: { id: string; versionId: string };
  apiKeys: Array<{ id: string; name: string; scopes: readonly string[] }>;
}

/** Where the XSS corpus shows, and the text a page must display (inertly) when it renders those fields. */
export interface HostileCorpus {
  /** The organisation whose name carries the corpus (the hostile user is not one of its members). */
  organization: { uuid: string; name: string };
  user: { organizationUuid: string; fullName: string; email: string };
  chat: { name: string; messageCount: number; connector: { integration: string; url: string }; attachmentNames: string[] };
  project: { name: string; description: string; instructions: string; attachmentNames: string[] };
  /** Each one is in the hostile chat's first message, a user's message shown as plain text. */
  snippets: readonly string[];
}

/** The chat of uploads whose names break downloads and of every preview type, and its artifacts. */
export interface PreviewCorpus {
  chat: string;
  /** Each upload by what it tests (lib/simulator/dataset/filenames.ts CORPUS_FILENAMES), with its name as uploaded. */
  files: Record<CorpusFile, { id: string; filename: string }>;
  /** An SVG with a script, event handlers and a javascript: link. */
  scriptedSvgArtifact: { id: string; versionIds: string[] };
  /** Code of over 5,000 lines and 2 MiB, in two versions (oldest first). */
  largeCodeArtifact: { id: string; versionIds: string[] };
}

export function buildFixtures(ds: Dataset): Fixtures {
  const { chats: t, ids, seed, dir } = ds;
  const special = (k: ChatKind): number => t.special[k]!;
  const files = special(ChatKind.Files);
  const uploadedFiles: Record<string, string> = {};
  let hostileFile = { id: "", filename: "" };
  let largest = { id: "", sizeBytes: -1 };
  for (let i = 0; i < t.messageCount[files]!; i++) {
    uploadsOf(t, seed, files, i).forEach((def, slot) => {
      const info = chatFileInfo(t, ids, seed, files, i, slot)!;
      uploadedFiles[def.type] ??= info.id;
      if (def.filename === HOSTILE_FILENAMES[0]) hostileFile = { id: info.id, filename: def.filename };
      const size = ds.blobs.digest({ type: def.type, key: info.key, title: def.filename, hostile: def.hostile }).size;
      if (size > largest.sizeBytes) largest = { id: info.id, sizeBytes: size };
    });
  }
  const largeChat = t.special[ChatKind.LargeFile];
  if (largeChat !== undefined) largest = { id: chatFileInfo(t, ids, seed, largeChat, 0, 0)!.id, sizeBytes: LARGE_FILE_SIZE };
  const artifacts = special(ChatKind.Artifacts);
  const power = dir.users[dir.powerUser]!;
  const docProject = ds.projects.list[ds.projects.emptyProject]!;
  return {
    dataset: ds.size,
    seed,
    parentOrganization: { uuid: dir.parent.uuid, id: dir.parent.tagged, name: dir.parent.name },
    organizations: dir.orgs.map((o) => ({ uuid: o.uuid, id: o.tagged, name: o.name, kind: o.kind === "console" ? "console" : "claude_ai" })),
    userWithManyChats: { id: power.id, email: power.email, chatCount: t.userStart[dir.powerUser + 1]! - t.userStart[dir.powerUser]! },
    hostileUser: dir.users[dir.hostileUser]!.id,
    departedUser: dir.users[dir.departedUser]!.id,
    longChat: { id: chatId(ids, special(ChatKind.Long)), messageCount: t.messageCount[special(ChatKind.Long)]! },
    softDeletedChat: chatId(ids, t.softDeletedExample),
    toolsChat: chatId(ids, special(ChatKind.Tools)),
    artifactsChat: {
      id: chatId(ids, artifacts),
      artifacts: artifactSlots(t, seed, artifacts).map((s) => ({
        id: artifactId(ids, artifacts, s.slot),
        type: s.type,
        versionIds: s.versionsAt.map((i) => artifactVersionId(ids, artifacts, s.slot, i)),
      })),
    },
    filesChat: chatId(ids, files),
    hostileChat: chatId(ids, special(ChatKind.Hostile)),
    tiedChats: [chatId(ids, t.tiePair[0]), chatId(ids, t.tiePair[1])],
    crossUserTie: { chat: chatId(ids, t.crossUserTie), user: dir.users[t.user[t.crossUserTie]!]!.id },
    uploadedFiles,
    hostileFile,
    reattachedFile: chatFileInfo(t, ids, seed, files, 0, 0)!.id,
    generatedFile: genFileInfo(t, ids, seed, files, 1, 0)!.id,
    expiredGeneratedFile: genFileInfo(t, ids, seed, files, 7, 0)!.id,
    projectWithChats: ds.projects.list[ds.projects.showcaseProject]!.id,
    projectWithoutChats: docProject.id,
    projectDocument: projectDoc(ids, seed, docProject, 0).id,
    hostileProject: ds.projects.list[ds.projects.hostileProject]!.id,
    hostileCorpus: hostileCorpus(ds),
    previewCorpus: previewCorpus(ds),
    localSession: ds.sessions.local[0]!.id,
    localSessionNotCaptured: ds.sessions.local.find((s) => s.kind === LocalKind.NotCaptured)!.id,
    hostileSession: hostileSession(ds),
    remoteSessionActive: ds.sessions.remote[0]!.id,
    remoteSessionPending: ds.sessions.remote[1]!.id,
    remoteSessionAgentOwned: ds.sessions.remote[2]!.id,
    largestFile: largest,
    codeArtifact: codeArtifactRef(ds, 0),
    codeArtifactUploading: codeArtifactRef(ds, 3),
    codeArtifactHostile: codeArtifactRef(ds, 4),
    apiKeys: ds.keys.filter((k) => k.secret !== null).map((k) => ({ id: k.id, name: k.name, scopes: k.scopes })),
  };
}

function hostileSession(ds: Dataset): Fixtures["hostileSession"] {
  for (const session of ds.sessions.local) {
    const snippets = new Set<string>();
    for (let m = 0; m < session.messages; m++) {
      for (const block of localMessage(ds.ids, ds.seed, session, m).content) {
        if (block.type !== "text") continue;
        for (const snippet of HOSTILE_SNIPPETS) if (block.text.includes(snippet)) snippets.add(snippet);
      }
    }
    if (snippets.size > 0) return { id: session.id, messageCount: session.messages, snippets: [...snippets] };
  }
  throw new Error("No local session of this dataset quotes the XSS corpus.");
}

function hostileCorpus(ds: Dataset): HostileCorpus {
  const { chats: t, dir, seed } = ds;
  const chat = t.special[ChatKind.Hostile]!;
  const organization = dir.orgs.find((o) => o.name === HOSTILE_ORGANIZATION_NAME)!;
  const user = dir.users[dir.hostileUser]!;
  const project = ds.projects.list[ds.projects.hostileProject]!;
  const attachmentNames: string[] = [];
  for (let i = 0; i < t.messageCount[chat]!; i++) {
    attachmentNames.push(...uploadsOf(t, seed, chat, i).map((f) => f.filename), ...generatedOf(t, seed, chat, i).map((f) => f.filename));
  }
  for (const slot of artifactSlots(t, seed, chat)) if (slot.title !== null) attachmentNames.push(slot.title);
  return {
    organization: { uuid: organization.uuid, name: organization.name },
    user: { organizationUuid: dir.orgs[homeOrg(user)]!.uuid, fullName: user.fullName, email: user.email },
    chat: { name: chatName(t, seed, chat), messageCount: t.messageCount[chat]!, connector: { ...HOSTILE_CONNECTOR }, attachmentNames },
    project: {
      name: project.name,
      description: project.description,
      instructions: project.instructions,
      attachmentNames: [
        ...Array.from({ length: project.fileCount }, (_, slot) => projectFile(ds.ids, seed, project, slot).filename),
        ...Array.from({ length: project.docCount }, (_, slot) => projectDoc(ds.ids, seed, project, slot).filename),
      ],
    },
    snippets: HOSTILE_SNIPPETS,
  };
}

function previewCorpus(ds: Dataset): PreviewCorpus {
  const { chats: t, ids, seed } = ds;
  const chat = t.special[ChatKind.Corpus]!;
  const nameToFile = new Map(Object.entries(CORPUS_FILENAMES).map(([file, filename]) => [filename as string, file as CorpusFile]));
  const files: Partial<PreviewCorpus["files"]> = {};
  for (let i = 0; i < t.messageCount[chat]!; i++) {
    uploadsOf(t, seed, chat, i).forEach((def, slot) => {
      files[nameToFile.get(def.filename)!] = { id: chatFileInfo(t, ids, seed, chat, i, slot)!.id, filename: def.filename };
    });
  }
  const artifact = (content: "scripted_svg" | "large_code") => {
    const slot = artifactSlots(t, seed, chat).find((s) => s.content === content)!;
    return { id: artifactId(ids, chat, slot.slot), versionIds: slot.versionsAt.map((i) => artifactVersionId(ids, chat, slot.slot, i)) };
  };
  return {
    chat: chatId(ids, chat),
    files: files as PreviewCorpus["files"],
    scriptedSvgArtifact: artifact("scripted_svg"),
    largeCodeArtifact: artifact("large_code"),
  };
}

/** The code artifact generated at position `index`, with its newest version. */
function codeArtifactRef(ds: Dataset, index: number): { id: string; versionId: string } {
  const a = ds.codeArtifacts.find((x) => x.index === index)!;
  return { id: a.id, versionId: a.versions[0]!.id };
}
