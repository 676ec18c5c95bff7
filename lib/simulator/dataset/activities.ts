// Activity Feed entries for everything in the dataset. Each entry is four numbers (time, kind,
// ref, aux) in typed arrays sorted by (created_at, id); the JSON object is rebuilt from them
// when a page is served. Fields and actor types follow activity-types.json for each type used.

import { artifactId, artifactSlots } from "./artifacts";
import { chatFileId, uploadsOf } from "./chat-files";
import { chatId, FLAG_SOFT_DELETED, messageTime } from "./chats";
import type { Dataset } from "./dataset";
import { compareWords, Kind, PREFIX } from "./ids";
import { hashInts, pickBy } from "./prng";
import { projectDoc, projectFile } from "./projects";
import { DATASET_EPOCH_US, US_PER_DAY, US_PER_HOUR, US_PER_MINUTE, US_PER_SECOND } from "./time";

export type ActorSpec =
  | { kind: "user"; user: number }
  | { kind: "unauthenticated"; user: number }
  | { kind: "scim" }
  | { kind: "anthropic" }
  | { kind: "system"; service: string }
  | { kind: "admin_key"; key: number };

interface KindDef {
  type: string;
  actor(ds: Dataset, ref: number, aux: number): ActorSpec;
  /** Org index (the parent's index for parent-level events), or null. */
  org(ds: Dataset, ref: number, aux: number): number | null;
  fields(ds: Dataset, ref: number, aux: number): Record<string, unknown>;
}

const user = (u: number): ActorSpec => ({ kind: "user", user: u });
const chatOrg = (ds: Dataset, ci: number): number => ds.chats.org[ci]!;
const projectId = (ds: Dataset, ci: number): string | null => {
  const p = ds.chats.project[ci]!;
  return p >= 0 ? ds.projects.list[p]!.id : null;
};
const chatFields = (ds: Dataset, ci: number): Record<string, unknown> => ({ claude_chat_id: chatId(ds.ids, ci), claude_project_id: projectId(ds, ci) });
const primary = (ds: Dataset): ActorSpec => user(ds.dir.primaryOwner);
const parentOrg = (ds: Dataset): number => ds.dir.parent.index;
const chatActor = (ds: Dataset, ci: number): ActorSpec => user(ds.chats.user[ci]!);

/** Entries are (kind index into KINDS, ref, aux); keep the order stable (ids encode the index). */
export const KINDS: readonly KindDef[] = [
  { type: "claude_chat_created", actor: chatActor, org: chatOrg, fields: chatFields },
  { type: "claude_chat_updated", actor: chatActor, org: chatOrg, fields: chatFields },
  { type: "claude_chat_viewed", actor: chatActor, org: chatOrg, fields: chatFields },
  { type: "claude_chat_deleted", actor: chatActor, org: chatOrg, fields: chatFields },
  {
    // Chats removed by the retention policy: the ids no longer resolve (404), as in real data.
    type: "claude_chat_deleted",
    actor: () => ({ kind: "system", service: "data_retention" }),
    org: (ds, ref) => ds.dir.claudeOrgs[ref % ds.dir.claudeOrgs.length]!,
    fields: (ds, ref) => ({ claude_chat_id: chatId(ds.ids, ds.chats.count + ref), claude_project_id: null }),
  },
  {
    type: "claude_file_uploaded",
    actor: chatActor,
    org: chatOrg,
    fields: (ds, ci, aux) => ({
      claude_file_id: chatFileId(ds.ids, ci, aux >>> 3, aux & 7),
      filename: uploadsOf(ds.chats, ds.seed, ci, aux >>> 3)[aux & 7]?.filename ?? null,
      claude_chat_id: chatId(ds.ids, ci),
      claude_project_id: projectId(ds, ci),
    }),
  },
  { type: "claude_artifact_created", actor: chatActor, org: chatOrg, fields: (ds, ci, slot) => ({ claude_artifact_id: artifactId(ds.ids, ci, slot) }) },
  {
    type: "claude_project_created",
    actor: (ds, p) => user(ds.projects.list[p]!.creator),
    org: (ds, p) => ds.projects.list[p]!.org,
    fields: (ds, p) => ({ claude_project_id: ds.projects.list[p]!.id }),
  },
  {
    type: "claude_project_file_uploaded",
    actor: (ds, p) => user(ds.projects.list[p]!.creator),
    org: (ds, p) => ds.projects.list[p]!.org,
    fields: (ds, p, slot) => {
      const f = projectFile(ds.ids, ds.seed, ds.projects.list[p]!, slot);
      return { claude_file_id: f.id, claude_project_id: ds.projects.list[p]!.id, filename: f.filename };
    },
  },
  {
    type: "claude_project_document_uploaded",
    actor: (ds, p) => user(ds.projects.list[p]!.creator),
    org: (ds, p) => ds.projects.list[p]!.org,
    fields: (ds, p, slot) => {
      const d = projectDoc(ds.ids, ds.seed, ds.projects.list[p]!, slot);
      return { claude_project_document_id: d.id, claude_project_id: ds.projects.list[p]!.id, filename: d.filename };
    },
  },
  {
    type: "claude_project_sharing_updated",
    actor: (ds, p) => user(ds.projects.list[p]!.creator),
    org: (ds, p) => ds.projects.list[p]!.org,
    fields: (ds, p) => ({ audience: [{ type: "organization" }], claude_project_id: ds.projects.list[p]!.id }),
  },
  {
    type: "claude_project_deleted",
    actor: (ds, p) => user(ds.projects.list[p]!.creator),
    org: (ds, p) => ds.projects.list[p]!.org,
    fields: (ds, p) => ({ claude_project_id: ds.projects.list[p]!.id }),
  },
  { type: "sso_login_initiated", actor: (_ds, u) => ({ kind: "unauthenticated", user: u }), org: () => null, fields: () => ({}) },
  { type: "sso_login_succeeded", actor: (_ds, u) => user(u), org: () => null, fields: () => ({ auth_method: "sso", mfa_method: "not_used" }) },
  {
    type: "social_login_succeeded",
    actor: (_ds, u) => user(u),
    org: () => null,
    fields: (_ds, u) => ({ provider: pickBy(["google", "microsoft", "apple"], u), auth_method: "social", mfa_method: null }),
  },
  { type: "magic_link_login_succeeded", actor: (_ds, u) => user(u), org: () => null, fields: () => ({ auth_method: "magic_link", mfa_method: "not_used" }) },
  { type: "user_logged_out", actor: (_ds, u) => user(u), org: () => null, fields: () => ({}) },
  {
    type: "org_user_invite_sent",
    actor: (ds, u, m) => (ds.dir.orgs[ds.dir.users[u]!.memberships[m]!.org]!.kind === "console" ? { kind: "admin_key", key: 3 } : primary(ds)),
    org: (ds, u, m) => ds.dir.users[u]!.memberships[m]!.org,
    fields: (ds, u, m) => ({
      invited_email: ds.dir.users[u]!.email,
      invited_rbac_group_ids: null,
      invited_role: ds.dir.users[u]!.memberships[m]!.role,
      invited_seat_tier: null,
    }),
  },
  {
    type: "org_user_invite_accepted",
    actor: (_ds, u) => user(u),
    org: (ds, u, m) => ds.dir.users[u]!.memberships[m]!.org,
    fields: (ds, u, m) => ({ invite_id: `invite_${ds.ids.tagged("", Kind.Misc, 1, u, m)}` }),
  },
  {
    type: "scim_user_created",
    actor: () => ({ kind: "scim" }),
    org: (ds, u) => ds.dir.users[u]!.memberships[0]!.org,
    fields: (ds, u) => ({ user_id: ds.dir.users[u]!.id }),
  },
  {
    type: "rbac_role_created",
    actor: primary,
    org: (ds, r) => ds.dir.roles[r]!.org,
    fields: (ds, r) => ({ role_id: ds.dir.roles[r]!.id, role_name: ds.dir.roles[r]!.name }),
  },
  {
    type: "rbac_role_permission_added",
    actor: primary,
    org: (ds, r) => ds.dir.roles[r]!.org,
    fields: (ds, r, k) => {
      const perm = ds.dir.roles[r]!.permissions[k]!;
      return { resource_id: perm.resource_id, resource_type: perm.resource_type, role_id: ds.dir.roles[r]!.id };
    },
  },
  {
    type: "rbac_role_assigned",
    actor: primary,
    org: parentOrg,
    fields: (ds, g, k) => ({ principal_id: ds.dir.groups[g]!.id, principal_type: "group", role_id: ds.dir.groups[g]!.roles![k]! }),
  },
  {
    type: "group_created",
    actor: (ds, g) => (ds.dir.groups[g]!.sourceType === "scim" ? { kind: "scim" } : primary(ds)),
    org: parentOrg,
    fields: (ds, g) => ({ group_id: ds.dir.groups[g]!.id, group_name: ds.dir.groups[g]!.name }),
  },
  {
    type: "group_member_added",
    actor: (ds, g) => (ds.dir.groups[g]!.sourceType === "scim" ? { kind: "scim" } : primary(ds)),
    org: parentOrg,
    fields: (ds, g, k) => ({ group_id: ds.dir.groups[g]!.id, member_ids: [ds.dir.users[ds.dir.groups[g]!.members[k]!.user]!.id] }),
  },
  {
    type: "org_compliance_api_settings_updated",
    actor: (ds, ref) => (ref === 0 ? primary(ds) : { kind: "anthropic" }),
    org: parentOrg,
    fields: (_ds, ref) => ({ compliance_api_enabled: true, compliance_api_logging_enabled: ref === 0 ? false : true }),
  },
  {
    type: "api_key_created",
    actor: primary,
    org: parentOrg,
    fields: (ds, k) => ({ api_key_id: ds.keys[k]!.id, scopes: [...ds.keys[k]!.scopes], restricted_to_organization: false }),
  },
  {
    type: "admin_api_key_created",
    actor: (ds) => user(ds.dir.orgMembers[ds.dir.consoleOrg]![0]!),
    org: (ds) => ds.dir.consoleOrg,
    fields: (ds, k) => ({ admin_api_key_id: ds.keys[k]!.id, scopes: [...ds.keys[k]!.scopes] }),
  },
  { type: "org_sso_toggled", actor: primary, org: (_ds, o) => o, fields: () => ({ enabled: true }) },
  {
    type: "primary_owner_transferred",
    actor: (ds) => user(ds.dir.orgMembers[ds.dir.claudeOrgs[0]!]![2]!),
    org: (ds) => ds.dir.claudeOrgs[0]!,
    fields: (ds) => ({
      new_owner_id: ds.dir.users[ds.dir.primaryOwner]!.id,
      previous_owner_id: ds.dir.users[ds.dir.orgMembers[ds.dir.claudeOrgs[0]!]![2]!]!.id,
    }),
  },
  {
    type: "claude_user_role_updated",
    actor: primary,
    org: (ds, u) => ds.dir.users[u]!.memberships[0]!.org,
    fields: (ds, u) => ({
      current_role: ds.dir.users[u]!.memberships[0]!.role,
      previous_role: "user",
      user_email: ds.dir.users[u]!.email,
      user_id: ds.dir.users[u]!.id,
    }),
  },
  {
    type: "org_user_deleted",
    actor: primary,
    org: (ds, u) => ds.dir.users[u]!.memberships[0]!.org,
    fields: (ds, u) => ({ deleted_user_email: ds.dir.users[u]!.email, deleted_user_id: ds.dir.users[u]!.id }),
  },
  {
    type: "cowork_session_updated",
    actor: (ds, s) => user(ds.sessions.remote[s]!.user ?? ds.sessions.remote[s]!.startedBy!),
    org: (ds, s) => ds.sessions.remote[s]!.org,
    fields: (ds, s) => ({ cowork_session_id: ds.sessions.remote[s]!.id, claude_project_id: ds.sessions.remote[s]!.project }),
  },
  {
    type: "mcp_server_created",
    actor: primary,
    org: (ds) => ds.dir.claudeOrgs[0]!,
    fields: (ds, k) => ({
      mcp_server_id: `mcpsrv_${ds.ids.tagged("", Kind.Misc, 2, k)}`,
      mcp_server_name: ["Google Drive", "Linear", "Internal Wiki"][k] ?? "MCP",
    }),
  },
];

const K = Object.fromEntries(KINDS.map((k, i) => [`${k.type}#${KINDS.findIndex((x) => x.type === k.type) === i ? 0 : 1}`, i])) as Record<string, number>;
const kind = (type: string, variant = 0): number => K[`${type}#${variant}`]!;

export interface ActivityIndex {
  count: number;
  time: Float64Array;
  kind: Uint8Array;
  ref: Uint32Array;
  aux: Uint32Array;
  /** Positions (ascending) of each kind, for `activity_types[]` filters. */
  byType: Map<string, Uint32Array>;
  /** Per kind, positions sorted by (ref, aux): resolves a raw activity id to its position. */
  byRef: Uint32Array[];
}

class Builder {
  time: number[] = [];
  kind: number[] = [];
  ref: number[] = [];
  aux: number[] = [];
  add(t: number, k: number, ref: number, aux = 0): void {
    if (t >= DATASET_EPOCH_US) return;
    this.time.push(Math.floor(t));
    this.kind.push(k);
    this.ref.push(ref);
    this.aux.push(aux);
  }
}

export function buildActivityIndex(ds: Dataset): ActivityIndex {
  const b = new Builder();
  const { chats: t, dir, seed } = ds;
  const jitter = (...k: number[]): number => hashInts(seed, 0xac7, ...k) % US_PER_MINUTE;

  for (let ci = 0; ci < t.count; ci++) {
    b.add(t.created[ci]!, kind("claude_chat_created"), ci);
    if (t.updated[ci]! - t.created[ci]! > US_PER_DAY) b.add(t.updated[ci]!, kind("claude_chat_updated"), ci);
    if (hashInts(seed, 0x71e3, ci) % 10 < 3) b.add(t.updated[ci]! + jitter(ci, 1) + US_PER_HOUR, kind("claude_chat_viewed"), ci);
    if (t.flags[ci]! & FLAG_SOFT_DELETED) b.add(t.deleted[ci]!, kind("claude_chat_deleted"), ci);
    const n = t.messageCount[ci]!;
    if (n <= 400) {
      for (let i = 0; i < n; i += 2) {
        const ups = uploadsOf(t, seed, ci, i);
        for (let slot = 0; slot < ups.length; slot++) b.add(messageTime(t, seed, ci, i) + 1 + slot, kind("claude_file_uploaded"), ci, (i << 3) | slot);
      }
    }
    for (const s of artifactSlots(t, seed, ci))
      b.add(t.created[ci]! + (s.versionsAt[0]! + 1) * US_PER_SECOND + jitter(ci, 2, s.slot), kind("claude_artifact_created"), ci, s.slot);
  }
  for (let k = 0; k < 5; k++) b.add(DATASET_EPOCH_US - (10 + k * 17) * US_PER_DAY + jitter(9, k), kind("claude_chat_deleted", 1), k);

  for (const p of ds.projects.list) {
    b.add(p.createdUs, kind("claude_project_created"), p.index);
    for (let s = 0; s < p.fileCount; s++) b.add(projectFile(ds.ids, seed, p, s).createdUs, kind("claude_project_file_uploaded"), p.index, s);
    for (let s = 0; s < p.docCount; s++) b.add(projectDoc(ds.ids, seed, p, s).createdUs, kind("claude_project_document_uploaded"), p.index, s);
    if (!p.isPrivate) b.add(p.createdUs + US_PER_HOUR + jitter(p.index, 3), kind("claude_project_sharing_updated"), p.index);
    if (p.deletedUs !== null) b.add(p.deletedUs, kind("claude_project_deleted"), p.index);
  }

  for (const u of dir.users) {
    u.memberships.forEach((m, mi) => {
      b.add(m.joinedUs - US_PER_DAY + jitter(u.index, mi, 4), kind("org_user_invite_sent"), u.index, mi);
      b.add(m.joinedUs, kind("org_user_invite_accepted"), u.index, mi);
    });
    if (u.memberships[0]!.org === dir.claudeOrgs[0]) b.add(u.memberships[0]!.joinedUs - 2 * US_PER_HOUR, kind("scim_user_created"), u.index);
    if (u.memberships[0]!.role === "admin") b.add(u.memberships[0]!.joinedUs + 5 * US_PER_DAY + jitter(u.index, 5), kind("claude_user_role_updated"), u.index);
    const joined = u.memberships[0]!.joinedUs;
    const weeks = u.departed ? 0 : ds.profile.signInWeeks;
    for (let w = 0; w < weeks; w++) {
      const h = hashInts(seed, 0x5160, u.index, w);
      const at = DATASET_EPOCH_US - (w + 1) * 7 * US_PER_DAY + (h % (5 * US_PER_DAY));
      if (at < joined) continue;
      const method = h % 10;
      if (method < 8) {
        b.add(at, kind("sso_login_initiated"), u.index, w);
        b.add(at + 2 * US_PER_SECOND + (h % 1000), kind("sso_login_succeeded"), u.index, w);
      } else if (method === 8) b.add(at, kind("social_login_succeeded"), u.index, w);
      else b.add(at, kind("magic_link_login_succeeded"), u.index, w);
      if ((h >>> 8) % 10 < 3) b.add(at + 9 * US_PER_HOUR, kind("user_logged_out"), u.index, w);
    }
  }
  b.add(DATASET_EPOCH_US - 5 * US_PER_DAY, kind("org_user_deleted"), dir.departedUser);

  for (const r of dir.roles) {
    const at = r.createdUs ?? dir.orgs[r.org]!.createdUs + US_PER_DAY;
    b.add(at, kind("rbac_role_created"), r.index);
    r.permissions.forEach((_, k) => b.add(at + (k + 1) * US_PER_SECOND, kind("rbac_role_permission_added"), r.index, k));
  }
  for (const g of dir.groups) {
    const at = g.createdUs ?? dir.parent.createdUs;
    b.add(at, kind("group_created"), g.index);
    (g.roles ?? []).forEach((_, k) => b.add(at + (k + 1) * US_PER_MINUTE, kind("rbac_role_assigned"), g.index, k));
    g.members.forEach((m, k) => b.add(m.createdUs ?? at + US_PER_HOUR, kind("group_member_added"), g.index, k));
  }

  const firstKey = ds.keys[0]!.createdUs;
  b.add(firstKey - US_PER_DAY, kind("org_compliance_api_settings_updated"), 0);
  b.add(firstKey - 12 * US_PER_HOUR, kind("org_compliance_api_settings_updated"), 1);
  ds.keys.forEach((key, k) => b.add(key.createdUs, kind(key.kind === "admin_api_key" ? "admin_api_key_created" : "api_key_created"), k));
  for (const o of dir.claudeOrgs) b.add(dir.orgs[o]!.createdUs + 2 * US_PER_DAY, kind("org_sso_toggled"), o);
  if (dir.orgMembers[dir.claudeOrgs[0]!]!.length > 2) b.add(dir.orgs[dir.claudeOrgs[0]!]!.createdUs + 30 * US_PER_DAY, kind("primary_owner_transferred"), 0);
  for (const s of ds.sessions.remote) if (s.status !== "pending") b.add(s.updatedUs, kind("cowork_session_updated"), s.index);
  for (let k = 0; k < 3; k++) b.add(DATASET_EPOCH_US - (200 - k * 30) * US_PER_DAY, kind("mcp_server_created"), k);

  const count = b.time.length;
  const time = Float64Array.from(b.time);
  const order = new Uint32Array(count).map((_, i) => i);
  const words = (i: number): number[] => ds.ids.taggedWords(Kind.Activity, b.kind[i]!, b.ref[i]!, b.aux[i]!);
  order.sort((x, y) => time[x]! - time[y]! || compareWords(words(x), words(y)));
  const index: ActivityIndex = {
    count,
    time: new Float64Array(count),
    kind: new Uint8Array(count),
    ref: new Uint32Array(count),
    aux: new Uint32Array(count),
    byType: new Map(),
    byRef: [],
  };
  const perType = new Map<string, number[]>();
  order.forEach((src, pos) => {
    index.time[pos] = time[src]!;
    index.kind[pos] = b.kind[src]!;
    index.ref[pos] = b.ref[src]!;
    index.aux[pos] = b.aux[src]!;
    const type = KINDS[b.kind[src]!]!.type;
    let list = perType.get(type);
    if (!list) perType.set(type, (list = []));
    list.push(pos);
  });
  for (const [type, list] of perType) index.byType.set(type, Uint32Array.from(list));
  const perKind: number[][] = KINDS.map(() => []);
  for (let pos = 0; pos < count; pos++) perKind[index.kind[pos]!]!.push(pos);
  index.byRef = perKind.map((list) => Uint32Array.from(list).sort((x, y) => index.ref[x]! - index.ref[y]! || index.aux[x]! - index.aux[y]!));
  return index;
}

/** Position of the static activity (kind, ref, aux), or -1. */
export function findActivity(ds: Dataset, kindIndex: number, ref: number, aux: number): number {
  const a = ds.activities;
  const list = a.byRef[kindIndex];
  if (!list) return -1;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const p = list[mid]!;
    const cmp = a.ref[p]! - ref || a.aux[p]! - aux;
    if (cmp === 0) return p;
    if (cmp < 0) lo = mid + 1;
    else hi = mid;
  }
  return -1;
}

export function activityId(ds: Dataset, pos: number): string {
  const a = ds.activities;
  return ds.ids.tagged(PREFIX.activity, Kind.Activity, a.kind[pos]!, a.ref[pos]!, a.aux[pos]!);
}

export function activityWords(ds: Dataset, pos: number): number[] {
  const a = ds.activities;
  return ds.ids.taggedWords(Kind.Activity, a.kind[pos]!, a.ref[pos]!, a.aux[pos]!);
}

export interface FilterColumns {
  /** User index of a user_actor, else -1. */
  actorUser: Int32Array;
  /** Organisation index, else -1 (null organisation). */
  org: Int32Array;
}

const filterColumnsMemo = new WeakMap<ActivityIndex, FilterColumns>();

/** Actor and organisation per position, built on the first filtered query (≈8 bytes each). */
export function filterColumns(ds: Dataset): FilterColumns {
  const a = ds.activities;
  let cols = filterColumnsMemo.get(a);
  if (!cols) {
    cols = { actorUser: new Int32Array(a.count), org: new Int32Array(a.count) };
    for (let pos = 0; pos < a.count; pos++) {
      const def = KINDS[a.kind[pos]!]!;
      const actor = def.actor(ds, a.ref[pos]!, a.aux[pos]!);
      cols.actorUser[pos] = actor.kind === "user" ? actor.user : -1;
      cols.org[pos] = def.org(ds, a.ref[pos]!, a.aux[pos]!) ?? -1;
    }
    filterColumnsMemo.set(a, cols);
  }
  return cols;
}

const USER_AGENTS = [
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/128.0.0.0 Safari/537.36",
  "Claude/1.3.9 (Macintosh; darwin 24.1.0) Electron/33.2.0",
  "Claude/1.0 (iPhone; iOS 18.1; Scale/3.00)",
];

export function userIp(u: number): string {
  return `${["192.0.2", "198.51.100", "203.0.113"][u % 3]}.${((u * 37) % 250) + 2}`;
}

export function actorJson(ds: Dataset, spec: ActorSpec): Record<string, unknown> {
  switch (spec.kind) {
    case "user": {
      const u = ds.dir.users[spec.user]!;
      return { type: "user_actor", email_address: u.email, user_id: u.id, ip_address: userIp(spec.user), user_agent: pickBy(USER_AGENTS, spec.user) };
    }
    case "unauthenticated":
      return {
        type: "unauthenticated_user_actor",
        unauthenticated_email_address: ds.dir.users[spec.user]!.email,
        ip_address: userIp(spec.user),
        user_agent: pickBy(USER_AGENTS, spec.user),
      };
    case "scim":
      return {
        type: "scim_directory_sync_actor",
        workos_event_id: `event_${ds.ids.tagged("", Kind.Misc, 3)}`,
        directory_id: `directory_${ds.ids.tagged("", Kind.Misc, 4)}`,
        idp_connection_type: "OktaSCIMV2",
      };
    case "anthropic":
      return { type: "anthropic_actor", email_address: null };
    case "system":
      return { type: "system_actor", service: spec.service };
    case "admin_key":
      return { type: "admin_api_key_actor", admin_api_key_id: ds.keys[spec.key]!.id, ip_address: "198.51.100.77", user_agent: "curl/8.7.1" };
  }
}

function orgFields(ds: Dataset, org: number | null): { organization_id: string | null; organization_uuid: string | null } {
  if (org === null) return { organization_id: null, organization_uuid: null };
  const o = org === ds.dir.parent.index ? ds.dir.parent : ds.dir.orgs[org]!;
  return { organization_id: o.tagged, organization_uuid: o.uuid };
}

export function formatActivity(ds: Dataset, pos: number, createdAt: string): Record<string, unknown> {
  const a = ds.activities;
  const def = KINDS[a.kind[pos]!]!;
  const ref = a.ref[pos]!;
  const aux = a.aux[pos]!;
  return {
    id: activityId(ds, pos),
    created_at: createdAt,
    ...orgFields(ds, def.org(ds, ref, aux)),
    actor: actorJson(ds, def.actor(ds, ref, aux)),
    type: def.type,
    ...def.fields(ds, ref, aux),
  };
}
