// Reversible, seed-keyed identifiers.
//
// Every id encodes the entity's coordinates (kind + up to three integers, e.g. chat index and
// message index), scrambled by a small keyed invertible mix and guarded by a 24-bit check. So
// the simulator never stores an id -> entity map: it decodes the id, verifies the check, and
// rebuilds the entity. A well-formed but unknown id fails the check and becomes a 404, which is
// what the real API does for ids it does not know.
//
// Tagged ids follow the observed shape `<prefix>01<22 base58 chars>` (notes §1.9). UUIDs (chat
// href and cursors, message cursors, organizations) are RFC 4122 version 4 shaped.
//
// The base58 alphabet is in ASCII order, so comparing two tagged ids of one prefix as strings is
// the same as comparing their 128-bit values: ordering by "id" never needs the string.

import { Rng, fmix32 } from "./prng";

export enum Kind {
  Chat = 1,
  ChatUuid,
  ChatMessage,
  MessageUuid,
  ChatFile,
  ProjectFile,
  GenFile,
  Artifact,
  ArtifactVersion,
  Project,
  ProjectDoc,
  User,
  Org,
  OrgUuid,
  Role,
  Group,
  Activity,
  RuntimeActivity,
  LocalSession,
  LocalMessage,
  RemoteSession,
  RemoteMessage,
  Workspace,
  ToolUse,
  Agent,
  ApiKey,
  Misc,
  CollaboratorUuid,
  CodeArtifact,
}

export interface Decoded {
  kind: Kind;
  a: number;
  b: number;
  c: number;
}

const B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
const B58_INDEX = new Int8Array(128).fill(-1);
for (let i = 0; i < B58.length; i++) B58_INDEX[B58.charCodeAt(i)] = i;
const TWO32 = 0x100000000;
const ROUNDS = 6;

function rotl(x: number, n: number): number {
  return (x << n) | (x >>> (32 - n));
}

export class IdCodec {
  private readonly keys: Int32Array;
  private readonly salt: number;
  private readonly w = new Int32Array(4);

  constructor(seed: number) {
    const rng = new Rng(seed, 0x1d5);
    this.keys = new Int32Array(ROUNDS * 4);
    for (let i = 0; i < this.keys.length; i++) this.keys[i] = rng.next() | 0;
    this.salt = rng.next();
  }

  /** `<prefix>01` + 22 base58 chars. */
  tagged(prefix: string, kind: Kind, a: number, b = 0, c = 0): string {
    const w = this.w;
    w[0] = (kind << 24) | (hash5(this.salt, kind, a, b, c) & 0xffffff);
    w[1] = a | 0;
    w[2] = b | 0;
    w[3] = c | 0;
    this.mix(4);
    return prefix + "01" + base58(w[0]! >>> 0, w[1]! >>> 0, w[2]! >>> 0, w[3]! >>> 0);
  }

  decodeTagged(prefix: string, kind: Kind, id: string): Decoded | null {
    if (id.length !== prefix.length + 24 || !id.startsWith(prefix) || id[prefix.length] !== "0" || id[prefix.length + 1] !== "1") {
      return null;
    }
    const w = this.w;
    if (!unbase58(id, prefix.length + 2, w)) return null;
    this.unmix(4);
    return this.verify(kind, w[0]!, w[1]! >>> 0, w[2]! >>> 0, w[3]! >>> 0);
  }

  /** The 128-bit value behind a tagged id as four words, for ordering ties without strings. */
  taggedWords(kind: Kind, a: number, b = 0, c = 0): [number, number, number, number] {
    const w = this.w;
    w[0] = (kind << 24) | (hash5(this.salt, kind, a, b, c) & 0xffffff);
    w[1] = a | 0;
    w[2] = b | 0;
    w[3] = c | 0;
    this.mix(4);
    return [w[0]! >>> 0, w[1]! >>> 0, w[2]! >>> 0, w[3]! >>> 0];
  }

  /** Version 4 shaped UUID carrying (kind, a, b). */
  uuid(kind: Kind, a: number, b = 0): string {
    const w = this.w;
    w[0] = (kind << 24) | (hash5(this.salt, kind, a, b, 0) & 0xffffff);
    w[1] = a | 0;
    w[2] = b | 0;
    this.mix(3);
    const m0 = w[0]! >>> 0;
    const m1 = w[1]! >>> 0;
    const m2 = w[2]! >>> 0;
    const tail = hash5(this.salt ^ 0x55, m0, m1, m2, 0) & 0x3ffffff;
    const free = hex8(m0) + hex8(m1) + hex8(m2) + (tail & 0xffffff).toString(16).padStart(6, "0");
    const variant = (8 | (tail >>> 24)).toString(16);
    return `${free.slice(0, 8)}-${free.slice(8, 12)}-4${free.slice(12, 15)}-${variant}${free.slice(15, 18)}-${free.slice(18, 30)}`;
  }

  decodeUuid(kind: Kind, uuid: string): Decoded | null {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(uuid)) return null;
    const compact = uuid.replace(/-/g, "");
    const free = compact.slice(0, 12) + compact.slice(13, 16) + compact.slice(17, 32);
    const m0 = parseInt(free.slice(0, 8), 16);
    const m1 = parseInt(free.slice(8, 16), 16);
    const m2 = parseInt(free.slice(16, 24), 16);
    const tail = (((parseInt(compact[16]!, 16) & 3) << 24) | parseInt(free.slice(24, 30), 16)) >>> 0;
    if ((hash5(this.salt ^ 0x55, m0, m1, m2, 0) & 0x3ffffff) !== tail) return null;
    const w = this.w;
    w[0] = m0 | 0;
    w[1] = m1 | 0;
    w[2] = m2 | 0;
    this.unmix(3);
    const a = w[1]! >>> 0;
    const b = w[2]! >>> 0;
    if (w[0]! >>> 24 !== kind) return null;
    if ((w[0]! & 0xffffff) !== (hash5(this.salt, kind, a, b, 0) & 0xffffff)) return null;
    return { kind, a, b, c: 0 };
  }

  private verify(kind: Kind, w0: number, a: number, b: number, c: number): Decoded | null {
    if (w0 >>> 24 !== kind) return null;
    if ((w0 & 0xffffff) !== (hash5(this.salt, kind, a, b, c) & 0xffffff)) return null;
    return { kind, a, b, c };
  }

  // ARX rounds: each step adds or xors a function of the *other* words, so each is invertible.
  private mix(n: 3 | 4): void {
    const w = this.w;
    const k = this.keys;
    for (let r = 0; r < ROUNDS; r++) {
      for (let i = 0; i < n; i++) {
        const x = w[(i + 1) % n]!;
        const y = w[(i + 2) % n]!;
        w[i] = (w[i]! + ((rotl(x, 7) ^ y ^ k[r * 4 + i]!) | 0)) | 0;
        w[i] = (w[i]! ^ (rotl(y, 13) + x)) | 0;
      }
    }
  }

  private unmix(n: 3 | 4): void {
    const w = this.w;
    const k = this.keys;
    for (let r = ROUNDS - 1; r >= 0; r--) {
      for (let i = n - 1; i >= 0; i--) {
        const x = w[(i + 1) % n]!;
        const y = w[(i + 2) % n]!;
        w[i] = (w[i]! ^ (rotl(y, 13) + x)) | 0;
        w[i] = (w[i]! - ((rotl(x, 7) ^ y ^ k[r * 4 + i]!) | 0)) | 0;
      }
    }
  }
}

function hash5(s: number, a: number, b: number, c: number, d: number): number {
  let h = fmix32(s ^ 0x9e3779b9);
  h = fmix32((h ^ a) + 0x7f4a7c15);
  h = fmix32((h ^ b) + 0x7f4a7c15);
  h = fmix32((h ^ c) + 0x7f4a7c15);
  return fmix32((h ^ d) + 0x7f4a7c15);
}

function hex8(n: number): string {
  return n.toString(16).padStart(8, "0");
}

// Divides the 128-bit value by 58^3 per step (remainder * 2^32 + word stays below 2^53), so a
// 22-digit id costs 8 long divisions instead of 22.
const B58_CUBE = 58 * 58 * 58;

function base58(w0: number, w1: number, w2: number, w3: number): string {
  let out = "";
  for (let step = 0; step < 8; step++) {
    let r = w0 % B58_CUBE;
    w0 = Math.floor(w0 / B58_CUBE);
    let t = r * TWO32 + w1;
    w1 = Math.floor(t / B58_CUBE);
    r = t % B58_CUBE;
    t = r * TWO32 + w2;
    w2 = Math.floor(t / B58_CUBE);
    r = t % B58_CUBE;
    t = r * TWO32 + w3;
    w3 = Math.floor(t / B58_CUBE);
    r = t % B58_CUBE;
    const d0 = r % 58;
    const d1 = Math.floor(r / 58) % 58;
    const d2 = Math.floor(r / 3364);
    out = B58[d2]! + B58[d1]! + B58[d0]! + out;
  }
  // 24 digits were produced; a 128-bit value needs at most 22, so the first two are always "1".
  return out.slice(2);
}

function unbase58(s: string, start: number, w: Int32Array): boolean {
  let w0 = 0;
  let w1 = 0;
  let w2 = 0;
  let w3 = 0;
  for (let i = start; i < s.length; i++) {
    const code = s.charCodeAt(i);
    const d = code < 128 ? B58_INDEX[code]! : -1;
    if (d < 0) return false;
    let t = w3 * 58 + d;
    w3 = t % TWO32;
    t = w2 * 58 + Math.floor(t / TWO32);
    w2 = t % TWO32;
    t = w1 * 58 + Math.floor(t / TWO32);
    w1 = t % TWO32;
    t = w0 * 58 + Math.floor(t / TWO32);
    if (t >= TWO32) return false;
    w0 = t;
  }
  w[0] = w0 | 0;
  w[1] = w1 | 0;
  w[2] = w2 | 0;
  w[3] = w3 | 0;
  return true;
}

/** Compares the 128-bit values of two tagged ids given as word tuples. */
export function compareWords(x: readonly number[], y: readonly number[]): number {
  for (let i = 0; i < 4; i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

export const PREFIX = {
  chat: "claude_chat_",
  message: "claude_chat_msg_",
  file: "claude_file_",
  genFile: "claude_gen_file_",
  artifact: "claude_artifact_",
  artifactVersion: "claude_artifact_version_",
  project: "claude_proj_",
  projectDoc: "claude_proj_doc_",
  user: "user_",
  org: "org_",
  role: "rbac_role_",
  group: "rbac_group_",
  activity: "activity_",
  localSession: "clls_",
  localMessage: "clsm_",
  remoteSession: "cse_",
  remoteMessage: "csev_",
  workspace: "wrkspc_",
  toolUse: "toolu_",
  agent: "cagt_",
  apiKey: "apikey_",
  codeArtifact: "cart_",
} as const;
