// Chat metadata as numeric columns plus pre-sorted index arrays, so a list page costs a binary
// search and `limit` steps of a small k-way merge instead of a scan. Names, ids and messages are
// derived from the chat index on demand.

import { CHAT_TITLES, MODELS } from "./corpus";
import { homeOrg, type Directory } from "./directory";
import { HOSTILE_CHAT_NAME } from "./hostile";
import { type IdCodec, Kind, PREFIX } from "./ids";
import type { Profile } from "./profiles";
import type { ProjectTable } from "./projects";
import { Rng, hashInts, pickBy } from "./prng";
import { DATASET_EPOCH_US, inRange, US_PER_DAY, US_PER_HOUR, US_PER_MINUTE, type TimeRange } from "./time";

/** Chats whose messages follow a script rather than the generic generator. */
export enum ChatKind {
  Generic = 0,
  Tools = 1,
  Artifacts = 2,
  Files = 3,
  Long = 4,
  Hostile = 5,
  LargeFile = 6,
  /** Uploads with names that break downloads, one of each preview type, and artifacts that must not run. */
  Corpus = 7,
}

export const FLAG_SOFT_DELETED = 1;
export const FLAG_LEGACY_MODEL = 2;
export const FLAG_ARTIFACTS = 4;

export const LONG_CHAT_MESSAGES = 10_000;

export type ChatSortKey = "created_at" | "updated_at";

export interface ChatTable {
  count: number;
  user: Uint32Array;
  org: Uint8Array;
  created: Float64Array;
  updated: Float64Array;
  /** 0 when the user did not soft-delete the chat. */
  deleted: Float64Array;
  project: Int32Array;
  messageCount: Uint32Array;
  kind: Uint8Array;
  flags: Uint8Array;
  /** Chat indices grouped by user, each group sorted by (created_at, id). */
  byUser: Uint32Array;
  userStart: Uint32Array;
  allByCreated: Uint32Array;
  allByUpdated: Uint32Array;
  orgByCreated: Uint32Array[];
  orgByUpdated: Uint32Array[];
  special: Partial<Record<ChatKind, number>>;
  /** Two chats of the power user created at the same microsecond (tie-break by id). */
  tiePair: [number, number];
  /** A chat of another user of the power user's organisation, created at that same microsecond. */
  crossUserTie: number;
  softDeletedExample: number;
}

interface Spec {
  user: number;
  org: number;
  created: number;
  updated: number;
  deleted: number;
  project: number;
  messages: number;
  kind: ChatKind;
  flags: number;
}

const SPECIAL_MESSAGE_COUNTS: Partial<Record<ChatKind, number>> = {
  [ChatKind.Tools]: 12,
  [ChatKind.Artifacts]: 10,
  [ChatKind.Files]: 12,
  [ChatKind.Long]: LONG_CHAT_MESSAGES,
  [ChatKind.Hostile]: 8,
  [ChatKind.LargeFile]: 2,
  [ChatKind.Corpus]: 8,
};

export function buildChats(ids: IdCodec, seed: number, profile: Profile, dir: Directory, projects: ProjectTable): ChatTable {
  const rng = new Rng(seed, 0xc4a7);
  const specs: Spec[][] = dir.users.map(() => []);
  const latest = DATASET_EPOCH_US - 2 * US_PER_DAY;
  const projectsByOrg = new Map<number, number[]>();
  for (const p of projects.list) {
    if (p.withoutChats) continue;
    const list = projectsByOrg.get(p.org) ?? [];
    list.push(p.index);
    projectsByOrg.set(p.org, list);
  }

  const spec = (user: number, kind: ChatKind, created: number): Spec => {
    const u = dir.users[user]!;
    const eligible = u.memberships.filter((m) => m.joinedUs < created);
    const membership = eligible.length > 1 && rng.chance(0.3) ? eligible[1]! : (eligible[0] ?? u.memberships[0]!);
    const special = SPECIAL_MESSAGE_COUNTS[kind];
    let messages: number;
    if (special !== undefined) messages = special;
    else if (rng.chance(profile.longChatShare)) messages = rng.range(100, 400);
    else messages = rng.chance(0.85) ? 2 * rng.range(1, 15) : rng.range(1, 30);
    const roll = rng.float();
    let duration: number;
    if (kind === ChatKind.Long) duration = 60 * US_PER_DAY;
    else if (roll < 0.7) duration = rng.range(1, 240) * US_PER_MINUTE;
    else if (roll < 0.95) duration = rng.range(1, 20) * US_PER_DAY;
    else duration = rng.range(30, 150) * US_PER_DAY;
    duration = Math.max(duration, messages * 2 * US_PER_MINUTE);
    const updated = Math.min(created + duration + rng.int(1_000_000), DATASET_EPOCH_US - US_PER_HOUR);
    let project = -1;
    const candidates = projectsByOrg.get(membership.org) ?? [];
    if (kind === ChatKind.Generic && candidates.length > 0 && rng.chance(0.15)) {
      const p = candidates[rng.int(candidates.length)]!;
      if (projects.list[p]!.createdUs < created) project = p;
    }
    let flags = 0;
    if (kind === ChatKind.Generic && rng.chance(0.04)) flags |= FLAG_SOFT_DELETED;
    if (rng.chance(0.03)) flags |= FLAG_LEGACY_MODEL;
    if (kind === ChatKind.Generic && rng.chance(0.08)) flags |= FLAG_ARTIFACTS;
    const deleted = flags & FLAG_SOFT_DELETED ? Math.min(updated + rng.range(1, 30) * US_PER_DAY, DATASET_EPOCH_US - US_PER_HOUR) : 0;
    return { user, org: membership.org, created, updated, deleted, project, messages, kind, flags };
  };

  const randomTime = (user: number): number => {
    const joined = dir.users[user]!.memberships[0]!.joinedUs;
    return Math.floor(joined + rng.float() * (latest - joined));
  };

  for (const u of dir.users) {
    if (u.memberships.every((m) => dir.orgs[m.org]!.kind !== "claude_ai")) continue;
    const count = u.index === dir.powerUser ? profile.powerUserChats : u.departed ? 3 : rng.range(profile.chatsPerUser[0], profile.chatsPerUser[1]);
    for (let k = 0; k < count; k++) specs[u.index]!.push(spec(u.index, ChatKind.Generic, randomTime(u.index)));
  }
  const power = dir.powerUser;
  const showcase = projects.showcaseProject;
  const add = (user: number, kind: ChatKind, created: number, project = -1): void => {
    const s = spec(user, kind, created);
    s.org = homeOrg(dir.users[user]!);
    s.project = project;
    specs[user]!.push(s);
  };
  add(power, ChatKind.Tools, DATASET_EPOCH_US - 40 * US_PER_DAY + 101_010, showcase);
  add(power, ChatKind.Artifacts, DATASET_EPOCH_US - 35 * US_PER_DAY + 202_020, showcase);
  add(power, ChatKind.Files, DATASET_EPOCH_US - 30 * US_PER_DAY + 303_030);
  add(power, ChatKind.Long, DATASET_EPOCH_US - 150 * US_PER_DAY + 404_040);
  add(dir.hostileUser, ChatKind.Hostile, DATASET_EPOCH_US - 25 * US_PER_DAY + 505_050, projects.hostileProject);
  if (profile.largeFile) add(power, ChatKind.LargeFile, DATASET_EPOCH_US - 20 * US_PER_DAY + 606_060);
  // A deliberately tied pair and a guaranteed soft-deleted chat for the fixtures.
  const tieTime = DATASET_EPOCH_US - 45 * US_PER_DAY + 777_777;
  add(power, ChatKind.Generic, tieTime);
  add(power, ChatKind.Generic, tieTime);
  const softDeleted = spec(power, ChatKind.Generic, DATASET_EPOCH_US - 50 * US_PER_DAY + 888_888);
  softDeleted.flags = (softDeleted.flags | FLAG_SOFT_DELETED) & ~FLAG_ARTIFACTS;
  softDeleted.project = -1;
  softDeleted.deleted = Math.min(softDeleted.updated + 3 * US_PER_DAY, DATASET_EPOCH_US - US_PER_HOUR);
  specs[power]!.push(softDeleted);
  // Chats added after the dataset was first published take indices after every other chat (and
  // their specs are drawn last), so no existing chat, message or file changes its id or content.
  const appended: Spec[] = [spec(power, ChatKind.Corpus, DATASET_EPOCH_US - 15 * US_PER_DAY + 707_070)];
  // A tie across two people, so that merging per-user listings must break it by id too.
  const rival = dir.users.find(
    (u) => u.index !== power && u.index !== dir.hostileUser && !u.departed && homeOrg(u) === homeOrg(dir.users[power]!) && u.memberships[0]!.joinedUs < tieTime,
  );
  if (!rival) throw new Error("dataset: the power user's organisation needs a second member for the cross-user tie");
  const crossUserTie = spec(rival.index, ChatKind.Generic, tieTime);
  appended.push(crossUserTie);
  for (const s of appended) s.org = homeOrg(dir.users[s.user]!);

  const generatedCount = specs.reduce((n, list) => n + list.length, 0);
  const count = generatedCount + appended.length;
  const t: ChatTable = {
    count,
    user: new Uint32Array(count),
    org: new Uint8Array(count),
    created: new Float64Array(count),
    updated: new Float64Array(count),
    deleted: new Float64Array(count),
    project: new Int32Array(count),
    messageCount: new Uint32Array(count),
    kind: new Uint8Array(count),
    flags: new Uint8Array(count),
    byUser: new Uint32Array(count),
    userStart: new Uint32Array(dir.users.length + 1),
    allByCreated: new Uint32Array(0),
    allByUpdated: new Uint32Array(0),
    orgByCreated: [],
    orgByUpdated: [],
    special: {},
    tiePair: [-1, -1],
    crossUserTie: -1,
    softDeletedExample: -1,
  };
  const place = (s: Spec, ci: number): void => {
    t.user[ci] = s.user;
    t.org[ci] = s.org;
    t.created[ci] = s.created;
    t.updated[ci] = s.updated;
    t.deleted[ci] = s.deleted;
    t.project[ci] = s.project;
    t.messageCount[ci] = s.messages;
    t.kind[ci] = s.kind;
    t.flags[ci] = s.flags;
    if (s.kind !== ChatKind.Generic) t.special[s.kind] = ci;
    if (s.created === tieTime && s.user === power) t.tiePair[t.tiePair[0] === -1 ? 0 : 1] = ci;
    if (s === softDeleted) t.softDeletedExample = ci;
    if (s === crossUserTie) t.crossUserTie = ci;
    if (s.project >= 0) projects.list[s.project]!.chats.push(ci);
  };
  let ci = 0;
  let position = 0;
  specs.forEach((list, user) => {
    t.userStart[user] = position;
    list.sort((a, b) => a.created - b.created);
    const group = list.map((s) => ({ s, index: ci++ }));
    appended.forEach((s, k) => {
      if (s.user === user) group.push({ s, index: generatedCount + k });
    });
    // Stable: generated chats keep their order; an appended one slots in by its created_at.
    group.sort((a, b) => a.s.created - b.s.created);
    for (const { s, index } of group) {
      t.byUser[position++] = index;
      place(s, index);
    }
  });
  t.userStart[dir.users.length] = position;

  const idOf = (c: number): string => chatId(ids, c);
  // Within one user's range indices follow created_at; equal timestamps are ordered by id, as documented.
  for (let i = 1; i < count; i++) {
    if (t.created[t.byUser[i]!] !== t.created[t.byUser[i - 1]!] || t.user[t.byUser[i]!] !== t.user[t.byUser[i - 1]!]) continue;
    let j = i;
    while (
      j > 0 &&
      t.created[t.byUser[j]!] === t.created[t.byUser[j - 1]!] &&
      t.user[t.byUser[j]!] === t.user[t.byUser[j - 1]!] &&
      idOf(t.byUser[j]!) < idOf(t.byUser[j - 1]!)
    ) {
      const tmp = t.byUser[j]!;
      t.byUser[j] = t.byUser[j - 1]!;
      t.byUser[j - 1] = tmp;
      j--;
    }
  }
  const sortBy = (times: Float64Array, subset: Uint32Array): Uint32Array => subset.sort((a, b) => times[a]! - times[b]! || (idOf(a) < idOf(b) ? -1 : 1));
  const all = new Uint32Array(count).map((_, i) => i);
  t.allByCreated = sortBy(t.created, all.slice());
  t.allByUpdated = sortBy(t.updated, all.slice());
  t.orgByCreated = dir.orgs.map((o) => t.allByCreated.filter((c) => t.org[c] === o.index));
  t.orgByUpdated = dir.orgs.map((o) => t.allByUpdated.filter((c) => t.org[c] === o.index));
  return t;
}

export function chatId(ids: IdCodec, ci: number): string {
  return ids.tagged(PREFIX.chat, Kind.Chat, ci);
}

export function chatUuid(ids: IdCodec, ci: number): string {
  return ids.uuid(Kind.ChatUuid, ci);
}

export function chatName(t: ChatTable, seed: number, ci: number): string {
  if (t.flags[ci]! & FLAG_SOFT_DELETED) return "";
  switch (t.kind[ci] as ChatKind) {
    case ChatKind.Tools:
      return "Globex contract search + data analysis (tools)";
    case ChatKind.Artifacts:
      return "Launch plan drafts (artifacts)";
    case ChatKind.Files:
      return "Files review: uploads of every type 📎";
    case ChatKind.Long:
      return "Daily stand-up log (10,000 messages)";
    case ChatKind.Hostile:
      return HOSTILE_CHAT_NAME;
    case ChatKind.LargeFile:
      return "Forensic disk image upload (1 GiB)";
    case ChatKind.Corpus:
      return "Evidence intake: odd file names and every preview type 🗂️";
    default:
      return pickBy(CHAT_TITLES, hashInts(seed, 0x7171, ci));
  }
}

export function chatModel(t: ChatTable, seed: number, ci: number): string | null {
  if (t.flags[ci]! & FLAG_LEGACY_MODEL) return null;
  return pickBy(MODELS, hashInts(seed, 0x30de1, ci));
}

// ---------------------------------------------------------------------------------------------
// Listing

/** A position in a listing: the sort key's time and the chat id that breaks ties. */
export interface ChatCursorKey {
  t: number;
  id: string;
}

export interface ChatQuery {
  sortKey: ChatSortKey;
  /** Null for an org-wide query. */
  users: number[] | null;
  orgs: Set<number> | null;
  projects: Set<number> | null;
  created: TimeRange;
  updated: TimeRange;
  after: ChatCursorKey | null;
  before: ChatCursorKey | null;
  limit: number;
  isGone: (ci: number) => boolean;
}

interface Source {
  arr: Uint32Array;
  lo: number;
  hi: number;
}

/** First position in arr[lo, hi) whose key is > (t, id) (strict) or >= (t, id). */
function lowerBound(
  arr: Uint32Array,
  lo: number,
  hi: number,
  times: Float64Array,
  t: number,
  id: string | null,
  strict: boolean,
  idOf: (c: number) => string,
): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const ct = times[arr[mid]!]!;
    let cmp = ct - t;
    if (cmp === 0 && id !== null) {
      const candidate = idOf(arr[mid]!);
      cmp = candidate < id ? -1 : candidate > id ? 1 : 0;
    }
    if (cmp < 0 || (strict && cmp === 0)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function queryChats(t: ChatTable, ids: IdCodec, q: ChatQuery): { items: number[]; hasMore: boolean } {
  const times = q.sortKey === "created_at" ? t.created : t.updated;
  const bound = q.sortKey === "created_at" ? q.created : q.updated;
  const other = q.sortKey === "created_at" ? q.updated : q.created;
  const idCache = new Map<number, string>();
  const idOf = (c: number): string => {
    let id = idCache.get(c);
    if (id === undefined) {
      id = chatId(ids, c);
      idCache.set(c, id);
    }
    return id;
  };

  const sources: Source[] = [];
  if (q.users) {
    for (const u of new Set(q.users)) sources.push({ arr: t.byUser, lo: t.userStart[u]!, hi: t.userStart[u + 1]! });
  } else if (q.orgs) {
    for (const o of q.orgs) {
      const arr = (q.sortKey === "created_at" ? t.orgByCreated : t.orgByUpdated)[o];
      if (arr) sources.push({ arr, lo: 0, hi: arr.length });
    }
  } else {
    const arr = q.sortKey === "created_at" ? t.allByCreated : t.allByUpdated;
    sources.push({ arr, lo: 0, hi: arr.length });
  }
  for (const s of sources) {
    if (bound.gte !== undefined) s.lo = Math.max(s.lo, lowerBound(s.arr, s.lo, s.hi, times, bound.gte, null, false, idOf));
    if (bound.gt !== undefined) s.lo = Math.max(s.lo, lowerBound(s.arr, s.lo, s.hi, times, bound.gt, null, true, idOf));
    if (bound.lt !== undefined) s.hi = Math.min(s.hi, lowerBound(s.arr, s.lo, s.hi, times, bound.lt, null, false, idOf));
    if (bound.lte !== undefined) s.hi = Math.min(s.hi, lowerBound(s.arr, s.lo, s.hi, times, bound.lte, null, true, idOf));
    if (q.after) s.lo = Math.max(s.lo, lowerBound(s.arr, s.lo, s.hi, times, q.after.t, q.after.id, true, idOf));
    if (q.before) s.hi = Math.min(s.hi, lowerBound(s.arr, s.lo, s.hi, times, q.before.t, q.before.id, false, idOf));
  }

  const accept = (c: number): boolean => {
    if (q.isGone(c)) return false;
    if (q.users && q.orgs && !q.orgs.has(t.org[c]!)) return false;
    if (q.projects && !q.projects.has(t.project[c]!)) return false;
    return inRange(other === q.updated ? t.updated[c]! : t.created[c]!, other);
  };
  const backwards = q.before !== null;
  const heads = sources.map((s) => (backwards ? s.hi - 1 : s.lo));
  const next = (): number => {
    let best = -1;
    for (let i = 0; i < sources.length; i++) {
      const s = sources[i]!;
      const h = heads[i]!;
      if (h < s.lo || h >= s.hi) continue;
      if (best === -1) {
        best = i;
        continue;
      }
      const a = s.arr[h]!;
      const b = sources[best]!.arr[heads[best]!]!;
      let cmp = times[a]! - times[b]!;
      if (cmp === 0) cmp = idOf(a) < idOf(b) ? -1 : 1;
      if (backwards ? cmp > 0 : cmp < 0) best = i;
    }
    if (best === -1) return -1;
    const c = sources[best]!.arr[heads[best]!]!;
    heads[best] = heads[best]! + (backwards ? -1 : 1);
    return c;
  };

  const items: number[] = [];
  let hasMore = false;
  for (let c = next(); c !== -1; c = next()) {
    if (!accept(c)) continue;
    if (items.length === q.limit) {
      hasMore = true;
      break;
    }
    items.push(c);
  }
  if (backwards) items.reverse();
  return { items, hasMore };
}

/**
 * Message i's timestamp: evenly spread between created_at and updated_at with a little jitter,
 * strictly increasing, first = created_at, last = updated_at. O(1), so a time filter on a
 * 10,000-message chat is a binary search over indices.
 */
export function messageTime(t: ChatTable, seed: number, ci: number, i: number): number {
  const n = t.messageCount[ci]!;
  const created = t.created[ci]!;
  if (n <= 1 || i === 0) return created;
  const span = t.updated[ci]! - created;
  if (i === n - 1) return created + span;
  const step = span / (n - 1);
  const jitter = step >= 8 ? hashInts(seed, 0x713e, ci, i) % Math.floor(step / 4) : 0;
  return created + Math.floor(step * i) + jitter;
}
