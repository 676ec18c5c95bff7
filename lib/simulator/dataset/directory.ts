// Organisations, users, roles and groups: small tables, materialised once per dataset.

import { FIRST_NAMES, LAST_NAMES, NATIVE_NAMES } from "./corpus";
import { HOSTILE_FULL_NAME, HOSTILE_GROUP_NAME, hostileEmailLocalPart } from "./hostile";
import { type IdCodec, Kind, PREFIX } from "./ids";
import type { Profile } from "./profiles";
import { Rng } from "./prng";
import { DATASET_EPOCH_US, US_PER_DAY } from "./time";

export const DATASET_START_US = DATASET_EPOCH_US - 400 * US_PER_DAY;

export type OrgKind = "claude_ai" | "console" | "parent";

export interface Org {
  index: number;
  uuid: string;
  tagged: string;
  name: string;
  createdUs: number;
  kind: OrgKind;
}

export const ORGANIZATION_ROLES = [
  "admin",
  "billing",
  "claude_code_user",
  "developer",
  "managed",
  "membership_admin",
  "owner",
  "primary_owner",
  "user",
] as const;
export type OrganizationRole = (typeof ORGANIZATION_ROLES)[number];

export interface Membership {
  org: number;
  role: OrganizationRole;
  joinedUs: number;
}

export interface User {
  index: number;
  id: string;
  email: string;
  fullName: string;
  createdUs: number;
  memberships: Membership[];
  /** Left the company: absent from user lists, `user: null` on their chats and projects. */
  departed: boolean;
}

export interface Permission {
  action: string;
  resource_id: string;
  resource_type: string;
}

export interface Role {
  index: number;
  org: number;
  id: string;
  name: string;
  description: string;
  createdUs: number | null;
  updatedUs: number | null;
  permissions: Permission[];
}

export interface GroupMember {
  user: number;
  createdUs: number | null;
  updatedUs: number | null;
}

export interface Group {
  index: number;
  id: string;
  name: string;
  description: string;
  sourceType: "direct" | "scim";
  roles: string[] | null;
  createdUs: number | null;
  updatedUs: number | null;
  members: GroupMember[];
}

export interface Directory {
  parent: Org;
  /** Linked organisations sorted by creation (claude.ai ones first, then the Console one). */
  orgs: Org[];
  claudeOrgs: number[];
  consoleOrg: number;
  users: User[];
  /** Current members of each org, sorted by join date then id. */
  orgMembers: number[][];
  roles: Role[];
  rolesByOrg: number[][];
  groups: Group[];
  orgByRef: Map<string, number>;
  userById: Map<string, number>;
  roleById: Map<string, number>;
  groupById: Map<string, number>;
  powerUser: number;
  hostileUser: number;
  departedUser: number;
  primaryOwner: number;
}

const PARENT_INDEX = 255;

function asciiSlug(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ".")
    .replace(/^\.+|\.+$/g, "");
}

export function buildDirectory(ids: IdCodec, seed: number, profile: Profile): Directory {
  const rng = new Rng(seed, 0xd17);
  const makeOrg = (index: number, name: string, createdUs: number, kind: OrgKind): Org => ({
    index,
    uuid: ids.uuid(Kind.OrgUuid, index),
    tagged: ids.tagged(PREFIX.org, Kind.Org, index),
    name,
    createdUs,
    kind,
  });
  const parent = makeOrg(PARENT_INDEX, "Acme Corporation (parent)", DATASET_START_US - 90 * US_PER_DAY, "parent");
  const orgs: Org[] = profile.claudeOrgNames.map((name, i) =>
    makeOrg(i, name, DATASET_START_US - (60 - i * 20) * US_PER_DAY + rng.int(86_400_000_000), "claude_ai"),
  );
  const consoleOrg = orgs.length;
  orgs.push(makeOrg(consoleOrg, profile.consoleOrgName, DATASET_START_US + 10 * US_PER_DAY + 123_456, "console"));
  const claudeOrgs = orgs.filter((o) => o.kind === "claude_ai").map((o) => o.index);

  const users: User[] = [];
  const emails = new Set<string>();
  const addUser = (fullName: string, org: number, role: OrganizationRole, joinedUs: number): User => {
    const index = users.length;
    // Latin-script names (accents included) become first.last; other scripts get a neutral local part.
    let local = /^[\x20-\u024f]+$/.test(fullName) ? asciiSlug(fullName) : `user${index}`;
    if (fullName === HOSTILE_FULL_NAME) local = hostileEmailLocalPart(index);
    else if (!local) local = `robert.tables${index}`;
    let email = `${local}@acme-corp.example`;
    if (emails.has(email)) email = `${local}${index}@acme-corp.example`;
    emails.add(email);
    const user: User = {
      index,
      id: ids.tagged(PREFIX.user, Kind.User, index),
      email,
      fullName,
      createdUs: joinedUs - rng.range(0, 30) * US_PER_DAY - rng.int(86_400_000_000),
      memberships: [{ org, role, joinedUs }],
      departed: false,
    };
    users.push(user);
    return user;
  };

  let primaryOwner = -1;
  let hostileUser = -1;
  profile.usersPerOrg.forEach((count, orgPos) => {
    const org = claudeOrgs[orgPos]!;
    const orgCreated = orgs[org]!.createdUs;
    for (let k = 0; k < count; k++) {
      let role: OrganizationRole = "user";
      if (orgPos === 0 && k === 1) role = "primary_owner";
      else if (k === 1) role = "owner";
      else if (k === 2) role = "admin";
      else if (k === 3) role = "membership_admin";
      else if (k === 4) role = "billing";
      else if (rng.chance(0.08)) role = rng.pick(["admin", "claude_code_user", "managed", "developer"] as const);
      let name: string;
      if (orgPos === 0 && k === 0) name = "Priya Sharma";
      else if (orgPos === 0 && k === 5) name = HOSTILE_FULL_NAME;
      else if (rng.chance(0.12)) name = rng.pick(NATIVE_NAMES);
      else name = `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
      const joinedUs = orgCreated + (k < 5 ? k : rng.range(5, 300)) * US_PER_DAY + rng.int(86_400_000_000);
      const u = addUser(name, org, role, joinedUs);
      if (role === "primary_owner") primaryOwner = u.index;
      if (name === HOSTILE_FULL_NAME) hostileUser = u.index;
    }
  });
  for (let k = 0; k < profile.consoleUsers; k++) {
    const role: OrganizationRole = k === 0 ? "owner" : rng.pick(["developer", "developer", "admin", "claude_code_user"] as const);
    addUser(`${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`, consoleOrg, role, orgs[consoleOrg]!.createdUs + rng.range(1, 200) * US_PER_DAY);
  }
  // A few people belong to two claude.ai organisations.
  const firstOrgSize = profile.usersPerOrg[0] ?? 0;
  if (claudeOrgs.length > 1) {
    for (const k of [0, 2, 6]) {
      const u = users[k];
      if (!u || k >= firstOrgSize) continue;
      u.memberships.push({ org: claudeOrgs[1]!, role: k === 2 ? "admin" : "user", joinedUs: orgs[claudeOrgs[1]!]!.createdUs + (40 + k) * US_PER_DAY });
    }
  }
  // A former employee: their chats and activities remain, they are no longer a member anywhere.
  const departed = addUser("Former Employee", claudeOrgs[0]!, "user", orgs[claudeOrgs[0]!]!.createdUs + 3 * US_PER_DAY);
  departed.departed = true;

  const orgMembers: number[][] = orgs.map(() => []);
  for (const u of users) {
    if (u.departed) continue;
    for (const m of u.memberships) orgMembers[m.org]!.push(u.index);
  }
  orgMembers.forEach((list, org) => {
    const joined = (u: number): number => users[u]!.memberships.find((m) => m.org === org)!.joinedUs;
    list.sort((a, b) => joined(a) - joined(b) || (users[a]!.id < users[b]!.id ? -1 : 1));
  });

  const roles: Role[] = [];
  const rolesByOrg: number[][] = orgs.map(() => []);
  const roleTemplates: Array<[string, string, string[]]> = [
    [
      "Organization Admin",
      "Full administrative access to organization settings and members",
      ["manage_members", "manage_settings", "view_analytics", "manage_billing"],
    ],
    ["Compliance Reviewer", "Read-only access to chat and project content for legal review.", ["compliance_read", "view_audit_log"]],
    ["Claude Code Users", "Members allowed to use Claude Code and Cowork.", ["claude_code", "cowork"]],
    ["Project Creators", "May create and share projects with the whole organization.", ["create_projects", "share_projects"]],
    ["Connector Managers", `Manage MCP connectors. <b>Note:</b> "approve" & review weekly`, ["use_connectors", "manage_connectors"]],
  ];
  for (const org of orgs) {
    const templates = org.kind === "console" ? roleTemplates.slice(0, 2) : roleTemplates;
    templates.forEach(([name, description, actions], k) => {
      const index = roles.length;
      const legacy = org.index === 0 && k === 4;
      const createdUs = legacy ? null : org.createdUs + (k + 1) * US_PER_DAY + rng.int(86_400_000_000);
      roles.push({
        index,
        org: org.index,
        id: ids.tagged(PREFIX.role, Kind.Role, index),
        name,
        description,
        createdUs,
        updatedUs: legacy ? null : createdUs! + rng.range(0, 90) * US_PER_DAY,
        permissions: actions.map((action) => ({ action, resource_id: org.uuid, resource_type: "organization" })),
      });
      rolesByOrg[org.index]!.push(index);
    });
  }

  const groups: Group[] = [];
  const active = users.filter((u) => !u.departed);
  const inOrg = (org: number): User[] => active.filter((u) => u.memberships.some((m) => m.org === org));
  const groupDefs: Array<[string, string, "direct" | "scim", User[], number[] | null]> = [
    ["All Staff", "Every employee, synced from Okta", "scim", active, [rolesByOrg[claudeOrgs[0]!]![2]!]],
    [
      "Engineering Team",
      "All members of the engineering organization",
      "scim",
      inOrg(claudeOrgs[1] ?? claudeOrgs[0]!),
      [rolesByOrg[claudeOrgs[1] ?? claudeOrgs[0]!]![2]!, rolesByOrg[claudeOrgs[1] ?? claudeOrgs[0]!]![3]!],
    ],
    ["Legal & Compliance", "Legal reviewers and approvers", "direct", inOrg(claudeOrgs[0]!).slice(0, 6), [rolesByOrg[claudeOrgs[0]!]![1]!]],
    ["Contractors", "Temporary staff; no role assignments", "direct", active.slice(-3, -1), null],
    [HOSTILE_GROUP_NAME, "Group with an HTML-looking name", "direct", active.slice(0, 2), []],
  ];
  groupDefs.forEach(([name, description, sourceType, members, roleIdx], index) => {
    const createdUs = DATASET_START_US + (index + 2) * 7 * US_PER_DAY + rng.int(86_400_000_000);
    groups.push({
      index,
      id: ids.tagged(PREFIX.group, Kind.Group, index),
      name,
      description,
      sourceType,
      roles: roleIdx === null ? null : roleIdx.map((r) => roles[r]!.id),
      createdUs,
      updatedUs: createdUs + rng.range(0, 60) * US_PER_DAY,
      members: members.map((u, k) => {
        const memberCreated = index === 3 && k === 0 ? null : createdUs + rng.range(0, 30) * US_PER_DAY + rng.int(86_400_000_000);
        return { user: u.index, createdUs: memberCreated, updatedUs: memberCreated };
      }),
    });
  });

  const orgByRef = new Map<string, number>();
  for (const o of orgs) {
    orgByRef.set(o.uuid, o.index);
    orgByRef.set(o.tagged, o.index);
  }
  return {
    parent,
    orgs,
    claudeOrgs,
    consoleOrg,
    users,
    orgMembers,
    roles,
    rolesByOrg,
    groups,
    orgByRef,
    userById: new Map(users.map((u) => [u.id, u.index])),
    roleById: new Map(roles.map((r) => [r.id, r.index])),
    groupById: new Map(groups.map((g) => [g.id, g.index])),
    powerUser: 0,
    hostileUser,
    departedUser: departed.index,
    primaryOwner,
  };
}

/** The org a user acts in by default (their first membership). */
export function homeOrg(user: User): number {
  return user.memberships[0]!.org;
}
