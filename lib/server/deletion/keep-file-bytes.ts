import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { FileFact } from "@/lib/schemas/deletions";
import type { ComplianceClient } from "@/lib/server/compliance/client";

export interface KeptFile {
  fileId: string;
  /** Hex; also the file's name in the snapshot directory. */
  sha256: string;
  md5: string;
  bytes: number;
  /** Whether the bytes match the MD5 the API recorded and the one it served. */
  md5MatchesRecorded: boolean | null;
  md5MatchesServed: boolean | null;
  upstreamRequestId: string | null;
}

/**
 * Downloads each file into `directory` under the name of its SHA-256, so the snapshot row (whose
 * hash is in the audit chain) binds the bytes, identical files are stored once, and the directory can
 * live on write-once storage. The database keeps only hashes: files may be gigabytes. A download
 * that fails fails the snapshot, and so the deletion: the evidence comes first.
 */
export async function keepFileBytes(client: ComplianceClient, directory: string, files: readonly FileFact[]): Promise<KeptFile[]> {
  await mkdir(directory, { recursive: true });
  const kept: KeptFile[] = [];
  for (const file of files) {
    const download = await client.files.download(file.id);
    const partial = path.join(directory, `.partial-${randomUUID()}`);
    const sha256 = createHash("sha256");
    const md5 = createHash("md5");
    let bytes = 0;
    const hashing = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        sha256.update(chunk);
        md5.update(chunk);
        bytes += chunk.length;
        callback(null, chunk);
      },
    });
    try {
      await pipeline(download.body, hashing, createWriteStream(partial, { flags: "wx" }));
      const sha256Hex = sha256.digest("hex");
      const final = path.join(directory, sha256Hex);
      const exists = await stat(final).then(
        () => true,
        () => false,
      );
      if (exists) await rm(partial);
      else await rename(partial, final);
      const md5Hex = md5.digest("hex");
      kept.push({
        fileId: file.id,
        sha256: sha256Hex,
        md5: md5Hex,
        bytes,
        md5MatchesRecorded: file.md5 === null ? null : file.md5 === md5Hex,
        md5MatchesServed: download.contentMd5 === null ? null : Buffer.from(download.contentMd5, "base64").toString("hex") === md5Hex,
        upstreamRequestId: download.requestId,
      });
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
  }
  return kept;
}
