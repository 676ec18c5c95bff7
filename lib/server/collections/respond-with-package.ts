import "server-only";
import { createHash, type KeyObject } from "node:crypto";
import { createReadStream } from "node:fs";
import { Readable, Transform } from "node:stream";
import { ZipFile } from "yazl";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { ed25519KeyId } from "@/lib/server/audit/checkpoint-key";
import type { AuditEventInput } from "@/lib/server/audit/record-audit-event";
import { auditActorOf, type Actor } from "@/lib/server/auth/session-store";
import { DocketError } from "@/lib/server/docket-error";
import { DOCKET_VERSION } from "@/lib/server/docket-version";
import type { AuditRecorder } from "@/lib/server/files/audit-recorder";
import { attachmentDisposition } from "@/lib/server/files/content-disposition";
import { inertContentHeaders } from "@/lib/server/files/respond-with-download";
import { AppError } from "@/lib/server/http/errors";
import type { RequestMetadata } from "@/lib/server/http/request-metadata";
import { getCollection } from "./collections";
import { evidencePath } from "./evidence-store";
import {
  attestation,
  entriesOf,
  itemsCsv,
  manifest,
  publicKeyPemOf,
  readme,
  sha256Hex,
  sha256sums,
  signBytes,
  type ManifestEntry,
  type PackageItem,
  type PackageWalk,
  type StoredEntry,
} from "./package-contents";
import { SmallObjectReadAhead } from "./read-ahead";

export interface PackageRequest {
  actor: Actor;
  metadata: RequestMetadata;
  signal: AbortSignal;
  collectionId: string;
  evidenceDir: string;
  signingKey: KeyObject;
  interactiveReserve: number;
}

/** The evidence store gave bytes that do not hash to their name: the package is broken off, never completed. */
class EvidenceCorruptedError extends DocketError {
  static override readonly brand: string = "EvidenceCorruptedError";
}

/**
 * A finished collection as one ZIP (yazl: Zip64 when it needs it), streamed from the evidence store and
 * never held in memory. Every stored object is hashed again on its way out and the download breaks off
 * if one no longer matches. An `intent` row (with the manifest's SHA-256) is written before the first
 * byte; the outcome row carries the SHA-256 and size of the whole ZIP as sent.
 */
export async function respondWithPackage(db: PrismaClient, record: AuditRecorder, request: PackageRequest): Promise<Response> {
  const collection = await getCollection(db, request.collectionId, request.interactiveReserve);
  if (collection.state !== "succeeded") {
    throw new AppError("collection_state", `This collection is ${collection.state}: its package can be downloaded once it has succeeded.`);
  }
  const items = await readItems(db, collection.id);
  const walks = await readWalks(db, collection.id);
  const packagedAt = new Date().toISOString();
  const keyId = ed25519KeyId(request.signingKey);
  const stored: StoredEntry[] = items.flatMap(entriesOf);

  const generated = new Map<string, Buffer>();
  generated.set("items.csv", Buffer.from(itemsCsv(items), "utf8"));
  generated.set("attestation.json", Buffer.from(`${JSON.stringify(attestation(collection, walks, items, packagedAt), null, 2)}\n`, "utf8"));
  generated.set("public-key.pem", Buffer.from(publicKeyPemOf(request.signingKey), "utf8"));
  generated.set("README.txt", Buffer.from(readme(collection, keyId, packagedAt), "utf8"));
  const described = (path: string, bytes: Buffer): ManifestEntry => ({ path, size: bytes.length, sha256: sha256Hex(bytes) });
  const listed: ManifestEntry[] = [...stored, ...[...generated].map(([path, bytes]) => described(path, bytes))];
  const sums = Buffer.from(sha256sums(listed), "utf8");
  generated.set("SHA256SUMS", sums);
  generated.set("SHA256SUMS.sig", signBytes(sums, request.signingKey));
  const entries = [...stored, ...[...generated].map(([path, bytes]) => described(path, bytes))];
  const manifestBytes = Buffer.from(
    `${JSON.stringify(manifest(collection, entries, { packagedAt, packagedBy: request.actor.email ?? request.actor.subject, docketVersion: DOCKET_VERSION, keyId }), null, 2)}\n`,
    "utf8",
  );
  generated.set("manifest.json", manifestBytes);
  generated.set("manifest.sig", signBytes(manifestBytes, request.signingKey));

  const row = (outcome: AuditEventInput["outcome"], params: Record<string, unknown>): AuditEventInput => ({
    actor: auditActorOf(request.actor),
    action: "collection.download",
    target: { type: "collection", id: collection.id },
    params: { matter: collection.matter, reference: collection.reference, entries: entries.length + 2, manifestSha256: sha256Hex(manifestBytes), ...params },
    outcome,
    ...request.metadata,
  });
  await record(row("intent", {}));

  const mtime = new Date(collection.finishedAt ?? packagedAt);
  const zip = new ZipFile();
  const readAhead = new SmallObjectReadAhead(stored, (index) => evidencePath(request.evidenceDir, stored[index]!.sha256));
  stored.forEach((entry, index) => {
    zip.addReadStreamLazy(entry.path, { size: entry.size, mtime, compress: false }, (callback) => {
      const early = readAhead.take(index);
      if (early) {
        early.then(
          (bytes) => (sha256Hex(bytes) === entry.sha256 ? callback(null, Readable.from([bytes], { objectMode: false })) : zip.emit("error", corrupted(entry))),
          (error: unknown) => zip.emit("error", error),
        );
        return;
      }
      // yazl does not listen for errors of the streams it is given: they end the package here.
      const source = createReadStream(evidencePath(request.evidenceDir, entry.sha256));
      const verified = verifyingSha256(entry);
      source.on("error", (error) => zip.emit("error", error));
      verified.on("error", (error) => zip.emit("error", error));
      callback(null, source.pipe(verified));
    });
  });
  for (const [path, bytes] of generated) zip.addBuffer(bytes, path, { mtime, compress: false });
  zip.end();

  const packageHash = createHash("sha256");
  let bytes = 0;
  let ended = false;
  const end = async (outcome: "success" | "failure", reason: string | null) => {
    if (ended) return;
    ended = true;
    await record(row(outcome, { sha256: outcome === "success" ? packageHash.digest("hex") : null, bytes, ...(reason && { reason }) })).catch((error: unknown) =>
      console.error(`[${request.metadata.requestId}] audit outcome of a package download not written; its intent row stands without one`, error),
    );
  };
  // The ZIP's own SHA-256, of exactly the bytes sent, for the outcome row.
  const hashing = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      packageHash.update(chunk);
      bytes += chunk.length;
      callback(null, chunk);
    },
  });
  const output = zip.outputStream as Readable;
  output.on("error", (error) => hashing.destroy(error));
  zip.on("error", (error: Error) => hashing.destroy(error));
  output.pipe(hashing);
  const iterator = hashing[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await iterator.next();
        if (next.done) {
          await end("success", null);
          controller.close();
        } else controller.enqueue(next.value);
      } catch (error) {
        await end("failure", error instanceof EvidenceCorruptedError ? error.message : "the package could not be written");
        controller.error(error);
      }
    },
    async cancel() {
      await end("failure", "the download was interrupted");
      output.unpipe(hashing);
      hashing.destroy();
    },
  });
  const fileName = `docket-${collection.reference.replace(/[^\w.-]+/g, "_").slice(0, 60)}-${collection.id.slice(0, 8)}.zip`;
  const headers = inertContentHeaders("application/zip", attachmentDisposition(fileName, `docket-collection-${collection.id}.zip`));
  headers.set("x-docket-manifest-sha256", sha256Hex(manifestBytes));
  return new Response(body, { status: 200, headers });
}

/** Passes a stored object through, failing if its bytes no longer hash to the name they are stored under. */
const corrupted = (entry: StoredEntry) => new EvidenceCorruptedError(`The evidence store's copy of ${entry.path} no longer matches its SHA-256.`);

function verifyingSha256(entry: StoredEntry): Transform {
  const hash = createHash("sha256");
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      callback(null, chunk);
    },
    flush(callback) {
      callback(hash.digest("hex") === entry.sha256 ? null : corrupted(entry));
    },
  });
}

async function readItems(db: PrismaClient, collectionId: string): Promise<PackageItem[]> {
  const rows = await db.$queryRaw<
    Array<{
      kind: PackageItem["kind"];
      upstream_id: string;
      name: string | null;
      state: PackageItem["state"];
      custodian_email: string | null;
      custodian_id: string | null;
      organization_uuid: string | null;
      upstream_created_at: string | null;
      upstream_updated_at: string | null;
      sha256: string | null;
      size: bigint | null;
      transcript_sha256: string | null;
      transcript_size: bigint | null;
      md5_verdict: string | null;
      md5_expected: string | null;
      md5_actual: string | null;
      soft_deleted: boolean;
      error: string | null;
      collected_by: string | null;
      done_at: Date | null;
    }>
  >`
    SELECT kind, upstream_id, name, state, custodian_email, custodian_id, organization_uuid, upstream_created_at, upstream_updated_at,
           sha256, size, transcript_sha256, transcript_size, md5_verdict, md5_expected, md5_actual, soft_deleted, error, collected_by, done_at
      FROM collection_item WHERE collection_id = ${collectionId}::uuid
     ORDER BY CASE kind WHEN 'chat' THEN 0 ELSE 1 END, kind, upstream_created_at NULLS LAST, upstream_id`;
  return rows.map((row) => ({
    kind: row.kind,
    upstreamId: row.upstream_id,
    name: row.name,
    state: row.state,
    custodianEmail: row.custodian_email,
    custodianId: row.custodian_id,
    organizationUuid: row.organization_uuid,
    upstreamCreatedAt: row.upstream_created_at,
    upstreamUpdatedAt: row.upstream_updated_at,
    sha256: row.sha256,
    size: row.size === null ? null : Number(row.size),
    transcriptSha256: row.transcript_sha256,
    transcriptSize: row.transcript_size === null ? null : Number(row.transcript_size),
    md5Verdict: row.md5_verdict,
    md5Expected: row.md5_expected,
    md5Actual: row.md5_actual,
    softDeleted: row.soft_deleted,
    error: row.error,
    collectedBy: row.collected_by,
    doneAt: row.done_at?.toISOString() ?? null,
  }));
}

async function readWalks(db: PrismaClient, collectionId: string): Promise<PackageWalk[]> {
  const rows = await db.$queryRaw<
    Array<{
      endpoint: string;
      params: unknown;
      first_cursor: string | null;
      last_cursor: string | null;
      records: number;
      pages: number;
      final_request_id: string | null;
      done: boolean;
      error: string | null;
    }>
  >`
    SELECT endpoint, params, first_cursor, last_cursor, records, pages, final_request_id, done, error
      FROM collection_walk WHERE collection_id = ${collectionId}::uuid ORDER BY created_at, key`;
  return rows.map((row) => ({
    endpoint: row.endpoint,
    params: row.params,
    firstCursor: row.first_cursor,
    lastCursor: row.last_cursor,
    records: row.records,
    pages: row.pages,
    finalRequestId: row.final_request_id,
    done: row.done,
    error: row.error,
  }));
}
