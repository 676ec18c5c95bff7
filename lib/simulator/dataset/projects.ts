// Projects, their attachments (binary project files and plain-text project documents) and
// collaborators. Projects are few, so they are materialised; attachment bodies are derived.

import { MULTILINGUAL, PROJECT_DESCRIPTIONS, PROJECT_INSTRUCTIONS, PROJECT_NAMES } from "./corpus";
import type { Directory } from "./directory";
import { UPLOAD_TYPES, type FileType } from "./file-bytes";
import { PROJECT_DOC_NAMES, uploadFilename } from "./filenames";
import {
  HOSTILE_DOCUMENT,
  HOSTILE_DOCUMENT_FILENAME,
  HOSTILE_FILENAMES,
  HOSTILE_GROUP_NAME,
  HOSTILE_PROJECT_DESCRIPTION,
  HOSTILE_PROJECT_INSTRUCTIONS,
  HOSTILE_PROJECT_NAME,
} from "./hostile";
import { type IdCodec, Kind, PREFIX } from "./ids";
import type { Profile } from "./profiles";
import { Rng, hashInts, pickBy } from "./prng";
import { DATASET_EPOCH_US, US_PER_DAY, US_PER_HOUR } from "./time";

export interface Project {
  index: number;
  id: string;
  org: number;
  creator: number;
  name: string;
  description: string;
  instructions: string;
  isPrivate: boolean;
  createdUs: number;
  updatedUs: number;
  deletedUs: number | null;
  fileCount: number;
  docCount: number;
  /** Never receives chats, so it can be deleted without a 409. */
  withoutChats: boolean;
  hostile: boolean;
  /** Chat indices attached to the project (filled by the chat builder). */
  chats: number[];
}

export interface ProjectFileInfo {
  project: number;
  slot: number;
  id: string;
  type: FileType;
  filename: string;
  createdUs: number;
  key: number;
  hostile: boolean;
}

export interface ProjectDocInfo {
  project: number;
  slot: number;
  id: string;
  filename: string;
  createdUs: number;
  content: string;
}

export type Collaborator =
  | { type: "user"; user: number | null; role: CollaboratorRole; grantedUs: number; uuid: string }
  | { type: "group"; group: number; role: CollaboratorRole; grantedUs: number; uuid: string }
  | { type: "organization"; org: number; role: CollaboratorRole; grantedUs: number; uuid: string }
  | { type: "organization_role"; organizationRole: string; role: CollaboratorRole; grantedUs: number; uuid: string };

type CollaboratorRole = "admin" | "editor" | "owner" | "viewer";

export interface ProjectTable {
  list: Project[];
  byId: Map<string, number>;
  /** Per claude.ai org, the project that must stay without chats. */
  emptyProject: number;
  hostileProject: number;
  showcaseProject: number;
  /** Project indices in list order: created_at ascending, ties by id. */
  byCreated: number[];
}

export function buildProjects(ids: IdCodec, seed: number, profile: Profile, dir: Directory): ProjectTable {
  const rng = new Rng(seed, 0x9a0);
  const list: Project[] = [];
  let emptyProject = -1;
  let hostileProject = -1;
  let showcaseProject = -1;
  for (const org of dir.claudeOrgs) {
    const members = dir.orgMembers[org]!;
    for (let k = 0; k < profile.projectsPerOrg; k++) {
      const index = list.length;
      const first = org === dir.claudeOrgs[0];
      const showcase = first && k === 0;
      const empty = first && k === 1;
      const hostile = first && k === 2;
      const departedCreator = org === dir.claudeOrgs[1] && k === 1;
      const createdUs = dir.orgs[org]!.createdUs + rng.range(5, 120) * US_PER_DAY + rng.int(86_400_000_000);
      const name = showcase
        ? "Q3 Product Launch"
        : empty
          ? "Archive – 2025 contracts"
          : hostile
            ? HOSTILE_PROJECT_NAME
            : `${pickBy(PROJECT_NAMES, hashInts(seed, org, k))}${k >= PROJECT_NAMES.length ? ` ${k}` : ""}`;
      list.push({
        index,
        id: ids.tagged(PREFIX.project, Kind.Project, index),
        org,
        creator: departedCreator ? dir.departedUser : showcase ? dir.powerUser : members[rng.int(members.length)]!,
        name,
        description: hostile ? HOSTILE_PROJECT_DESCRIPTION : rng.pick(PROJECT_DESCRIPTIONS),
        instructions: hostile ? HOSTILE_PROJECT_INSTRUCTIONS : rng.pick(PROJECT_INSTRUCTIONS),
        isPrivate: showcase ? false : rng.chance(0.5),
        createdUs,
        updatedUs: Math.min(createdUs + rng.range(0, 60) * US_PER_DAY + rng.int(86_400_000_000), DATASET_EPOCH_US - US_PER_HOUR),
        deletedUs: org === dir.claudeOrgs[1] && k === 2 ? DATASET_EPOCH_US - 20 * US_PER_DAY : null,
        fileCount: showcase || empty || hostile ? 3 : rng.int(3),
        docCount: showcase || empty || hostile ? 2 : rng.int(3),
        withoutChats: empty,
        hostile,
        chats: [],
      });
      if (showcase) showcaseProject = index;
      if (empty) emptyProject = index;
      if (hostile) {
        hostileProject = index;
        // Set after the draws, so the other projects keep their data: the hostile user owns it,
        // which puts their name and address in its owner and collaborator fields.
        list[index]!.creator = dir.hostileUser;
      }
    }
  }
  const byCreated = list.map((p) => p.index).sort((a, b) => list[a]!.createdUs - list[b]!.createdUs || (list[a]!.id < list[b]!.id ? -1 : 1));
  return { list, byId: new Map(list.map((p) => [p.id, p.index])), emptyProject, hostileProject, showcaseProject, byCreated };
}

export function projectFile(ids: IdCodec, seed: number, p: Project, slot: number): ProjectFileInfo {
  const h = hashInts(seed, 0x9f1, p.index, slot);
  const type = UPLOAD_TYPES[h % UPLOAD_TYPES.length]!;
  const hostile = p.hostile && slot === 0;
  return {
    project: p.index,
    slot,
    id: ids.tagged(PREFIX.file, Kind.ProjectFile, p.index, slot),
    type,
    filename: hostile ? HOSTILE_FILENAMES[0]! : uploadFilename(type, h >>> 3),
    createdUs: p.createdUs + (slot + 1) * US_PER_HOUR + (h % 3_600_000_000),
    key: hashInts(seed, 0x9f2, p.index, slot),
    hostile,
  };
}

export function projectDoc(ids: IdCodec, seed: number, p: Project, slot: number): ProjectDocInfo {
  const h = hashInts(seed, 0xd0c, p.index, slot);
  const hostile = p.hostile && slot === 0;
  const filename = hostile ? HOSTILE_DOCUMENT_FILENAME : pickBy(PROJECT_DOC_NAMES, h + slot);
  const content = hostile
    ? HOSTILE_DOCUMENT
    : [
        `# ${p.name}: ${filename}`,
        "",
        "## Context",
        "",
        pickBy(PROJECT_DESCRIPTIONS, h),
        "",
        "## Notes",
        "",
        `- ${pickBy(MULTILINGUAL, h >>> 5).text}`,
        "- Owners review this document monthly.",
        "",
      ].join("\n");
  return {
    project: p.index,
    slot,
    id: ids.tagged(PREFIX.projectDoc, Kind.ProjectDoc, p.index, slot),
    filename,
    // Documents are created after the files so the two kinds interleave in the attachment list.
    createdUs: p.createdUs + (slot + 1) * US_PER_HOUR + 1_800_000_000 + (h % 1_000_000),
    content,
  };
}

export function collaborators(ids: IdCodec, seed: number, dir: Directory, p: Project): Collaborator[] {
  const rng = new Rng(seed, 0xc0a, p.index);
  const at = (k: number): number => p.createdUs + k * 3 * US_PER_DAY + rng.int(86_400_000_000);
  const uuid = (k: number): string => ids.uuid(Kind.CollaboratorUuid, p.index, k);
  const members = dir.orgMembers[p.org]!;
  const out: Collaborator[] = [{ type: "user", user: dir.users[p.creator]!.departed ? null : p.creator, role: "owner", grantedUs: p.createdUs, uuid: uuid(0) }];
  out.push({ type: "user", user: members[rng.int(members.length)]!, role: rng.pick(["editor", "viewer"] as const), grantedUs: at(1), uuid: uuid(1) });
  if (p.isPrivate || p.index === 0) out.push({ type: "group", group: rng.int(dir.groups.length), role: "viewer", grantedUs: at(2), uuid: uuid(2) });
  if (!p.isPrivate) out.push({ type: "organization", org: p.org, role: "viewer", grantedUs: at(3), uuid: uuid(3) });
  if (p.index % 3 === 0) out.push({ type: "organization_role", organizationRole: "admin", role: "admin", grantedUs: at(4), uuid: uuid(4) });
  // A collaborator whose account was deleted keeps the assignment with `user_id: null`.
  if (p.index % 4 === 1) out.push({ type: "user", user: null, role: "editor", grantedUs: at(5), uuid: uuid(5) });
  if (p.hostile)
    out.push({ type: "group", group: dir.groups.findIndex((g) => g.name === HOSTILE_GROUP_NAME), role: "editor", grantedUs: at(6), uuid: uuid(6) });
  return out.sort((a, b) => a.grantedUs - b.grantedUs || (a.uuid < b.uuid ? -1 : 1));
}
