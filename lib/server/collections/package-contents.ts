import "server-only";
import { createHash, createPublicKey, sign, type KeyObject } from "node:crypto";
import { csvLine, CSV_BYTE_ORDER_MARK } from "@/lib/console/csv";
import type { CollectionDto } from "@/lib/schemas/collections";
import { sanitizeFilename } from "@/lib/server/files/content-disposition";
import type { ItemKind } from "./items";

/**
 * What goes into an evidence package besides the collected objects, as pure functions of the
 * collection's rows: the paths of the objects, items.csv, attestation.json, the checksum list, the
 * manifest and their signatures, and the README that explains how to check it all with sha256sum and
 * openssl alone. Layout (design.md): manifest.json, manifest.sig, public-key.pem, attestation.json,
 * items.csv, README.txt, chats/<id>.json and .md, sessions/{local,remote}/<id>.json and .md, files/<id>/<name>, generated-files/<id>/<name>,
 * artifacts/<version id>/<name>, project-documents/<id>/<name>; plus SHA256SUMS and its signature,
 * the form `sha256sum -c` reads.
 */

export const PACKAGE_FORMAT = "docket-evidence-package/1";

export interface PackageItem {
  kind: ItemKind;
  upstreamId: string;
  name: string | null;
  state: "done" | "failed" | "vanished" | "pending";
  custodianEmail: string | null;
  custodianId: string | null;
  organizationUuid: string | null;
  upstreamCreatedAt: string | null;
  upstreamUpdatedAt: string | null;
  sha256: string | null;
  size: number | null;
  transcriptSha256: string | null;
  transcriptSize: number | null;
  md5Verdict: string | null;
  md5Expected: string | null;
  md5Actual: string | null;
  softDeleted: boolean;
  error: string | null;
  collectedBy: string | null;
  doneAt: string | null;
}

export interface PackageWalk {
  endpoint: string;
  params: unknown;
  firstCursor: string | null;
  lastCursor: string | null;
  records: number;
  pages: number;
  finalRequestId: string | null;
  done: boolean;
  error: string | null;
}

/** A file of the package whose bytes come from the evidence store. */
export interface StoredEntry {
  path: string;
  sha256: string;
  size: number;
}

export interface ManifestEntry {
  path: string;
  size: number;
  sha256: string;
}

/** Items kept as the API's JSON with a Markdown transcript beside it, and their folder. */
const TRANSCRIPT_FOLDERS: Partial<Record<ItemKind, string>> = { chat: "chats", local_session: "sessions/local", remote_session: "sessions/remote" };

const FOLDERS: Record<Exclude<ItemKind, "chat" | "local_session" | "remote_session">, string> = {
  file: "files",
  generated_file: "generated-files",
  artifact_version: "artifacts",
  project_document: "project-documents",
};

/** A name chosen upstream, made safe as the last part of a path in the archive (and for sha256sum -c). */
function safeName(name: string | null, fallback: string): string {
  return sanitizeFilename(name, fallback);
}

/** The archive paths of an item's stored objects: a chat's or a session's JSON and transcript, or a file under its id. */
export function entriesOf(item: PackageItem): StoredEntry[] {
  if (item.state !== "done" || item.sha256 === null || item.size === null) return [];
  if (item.kind === "chat" || item.kind === "local_session" || item.kind === "remote_session") {
    const folder = TRANSCRIPT_FOLDERS[item.kind]!;
    const entries = [{ path: `${folder}/${item.upstreamId}.json`, sha256: item.sha256, size: item.size }];
    if (item.transcriptSha256 !== null && item.transcriptSize !== null) {
      entries.push({ path: `${folder}/${item.upstreamId}.md`, sha256: item.transcriptSha256, size: item.transcriptSize });
    }
    return entries;
  }
  const fallback = item.kind === "artifact_version" || item.kind === "project_document" ? `${item.upstreamId}.txt` : `${item.upstreamId}.bin`;
  return [{ path: `${FOLDERS[item.kind]}/${item.upstreamId}/${safeName(item.name, fallback)}`, sha256: item.sha256, size: item.size }];
}

const ITEMS_HEADER = ["path", "type", "id", "custodian", "organization", "created", "updated", "size", "sha256", "md5_verdict", "state", "note"] as const;

/** One line per item (a chat's transcript on its own line), formula-guarded; items not collected are listed with why. */
export function itemsCsv(items: readonly PackageItem[]): string {
  const lines = [CSV_BYTE_ORDER_MARK, csvLine(ITEMS_HEADER)];
  for (const item of items) {
    const custodian = item.custodianEmail ?? item.custodianId;
    const note = [item.softDeleted ? "deleted by its user in claude.ai: messages without content" : null, item.error].filter(Boolean).join("; ") || null;
    const row = (path: string | null, sha256: string | null, size: number | null, type: string = item.kind) =>
      csvLine([
        path,
        type,
        item.upstreamId,
        custodian,
        item.organizationUuid,
        item.upstreamCreatedAt,
        item.upstreamUpdatedAt,
        size === null ? null : String(size),
        sha256,
        item.md5Verdict,
        item.state,
        note,
      ]);
    const entries = entriesOf(item);
    if (entries.length === 0) lines.push(row(null, null, null));
    for (const [index, entry] of entries.entries())
      lines.push(row(entry.path, entry.sha256, entry.size, index === 1 ? `${item.kind === "chat" ? "chat" : "session"}_transcript` : item.kind));
  }
  return lines.join("");
}

/**
 * How complete the collection is, in the terms Anthropic's guide gives for proving an export complete:
 * for every list walked, its parameters, first and terminal cursors, record count and the request-id
 * of its final page; then what could not be collected, and why.
 */
export function attestation(collection: CollectionDto, walks: readonly PackageWalk[], items: readonly PackageItem[], generatedAt: string): unknown {
  const count = (predicate: (item: PackageItem) => boolean) => items.filter(predicate).length;
  return {
    collection: collection.id,
    generatedAt,
    lists: walks.map((walk) => ({
      endpoint: walk.endpoint,
      parameters: walk.params,
      firstCursor: walk.firstCursor,
      terminalCursor: walk.lastCursor,
      records: walk.records,
      pages: walk.pages,
      finalRequestId: walk.finalRequestId,
      complete: walk.done && walk.error === null,
      error: walk.error,
    })),
    counts: {
      chats: count((item) => item.kind === "chat"),
      softDeletedChats: count((item) => item.kind === "chat" && item.softDeleted),
      files: count((item) => item.kind === "file"),
      generatedFiles: count((item) => item.kind === "generated_file"),
      artifactVersions: count((item) => item.kind === "artifact_version"),
      projectDocuments: count((item) => item.kind === "project_document"),
      localSessions: count((item) => item.kind === "local_session"),
      remoteSessions: count((item) => item.kind === "remote_session"),
      collected: count((item) => item.state === "done"),
      vanished: count((item) => item.state === "vanished"),
      failed: count((item) => item.state === "failed"),
      md5Mismatches: count((item) => item.md5Verdict === "mismatched"),
    },
    limits: [
      "Soft-deleted chats (deleted by their user in claude.ai) are listed with their messages, whose content the Compliance API no longer returns.",
      "A custodian's chats are found through the custodian: chats of people who are no longer members of an organisation the key can read are found only through their organisation.",
      "Objects that vanished upstream (404) or failed are in items.csv with the reason, and have no file in the package.",
      "Sessions on people's machines cannot be listed by person or organisation: every one in the time range is read, and those of the custodians and organisations in scope are kept. Session transcripts leave out thinking, the system prompt and tool definitions.",
    ],
  };
}

/** `sha256sum -c` input: two spaces between the hash and the path, text mode. */
export function sha256sums(entries: readonly ManifestEntry[]): string {
  return entries.map((entry) => `${entry.sha256}  ${entry.path}\n`).join("");
}

export function manifest(
  collection: CollectionDto,
  entries: readonly ManifestEntry[],
  context: { packagedAt: string; packagedBy: string; docketVersion: string; keyId: string },
) {
  return {
    format: PACKAGE_FORMAT,
    collection: {
      id: collection.id,
      matter: collection.matter,
      reference: collection.reference,
      scope: collection.scope,
      createdAt: collection.createdRange,
      updatedAt: collection.updatedRange,
      include: collection.include,
      createdBy: collection.createdBy,
      created: collection.createdAt,
      started: collection.startedAt,
      finished: collection.finishedAt,
    },
    docketVersion: context.docketVersion,
    packagedAt: context.packagedAt,
    packagedBy: context.packagedBy,
    signingKeyId: context.keyId,
    entries: [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
  };
}

/** An Ed25519 signature over exactly these bytes: what `openssl pkeyutl -verify -rawin` checks. */
export function signBytes(bytes: Buffer, key: KeyObject): Buffer {
  return sign(null, bytes, key);
}

export function publicKeyPemOf(key: KeyObject): string {
  return createPublicKey(key).export({ type: "spki", format: "pem" }).toString();
}

export function sha256Hex(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export function readme(collection: CollectionDto, keyId: string, packagedAt: string): string {
  return `Docket evidence package
=======================

Matter:     ${collection.matter}
Reference:  ${collection.reference}
Collection: ${collection.id}
Packaged:   ${packagedAt}

What is here
------------
chats/<chat id>.json                  each chat as the Compliance API returned it, every page merged
chats/<chat id>.md                    the same chat as a readable transcript
sessions/local|remote/<id>.json       each session's transcript as the Compliance API returned it, every page merged
sessions/local|remote/<id>.md         the same session as a readable transcript
files/<file id>/<name>                uploaded files, as downloaded
generated-files/<file id>/<name>      files Claude generated
artifacts/<version id>/<name>         artifact versions
project-documents/<document id>/<name>  project documents
items.csv                             every item: path, type, custodian, dates, size, SHA-256, MD5 verdict
attestation.json                      every list walked, with its cursors, record count and final request-id
manifest.json                         the collection and every file's path, size and SHA-256
manifest.sig, SHA256SUMS.sig          Ed25519 signatures of manifest.json and SHA256SUMS
SHA256SUMS                            every file's SHA-256, in the form sha256sum reads
public-key.pem                        the key that verifies both signatures

How to check it (sha256sum and OpenSSL 3 only)
-----------------------------------------------
1. The signatures, made by Docket's signing key:

     openssl pkeyutl -verify -pubin -inkey public-key.pem -rawin -in SHA256SUMS -sigfile SHA256SUMS.sig
     openssl pkeyutl -verify -pubin -inkey public-key.pem -rawin -in manifest.json -sigfile manifest.sig

   Each must print "Signature Verified Successfully".

2. Every file against the signed list:

     sha256sum -c SHA256SUMS

   Each line must end in "OK".

3. That the key is Docket's: its id is the first 16 hex digits of

     openssl pkey -pubin -in public-key.pem -outform DER | sha256sum

   and must be ${keyId}, the key id Docket's audit log checkpoints carry.

MD5 verdicts in items.csv compare each file's bytes with the MD5 the Compliance API announced:
"matched", "mismatched" (kept, and reported as an error), or "not_provided".
`;
}
