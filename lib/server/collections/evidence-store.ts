import "server-only";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { Spool, type SpooledFile } from "@/lib/server/exports/spool";

export interface StoredObject {
  sha256: string;
  size: number;
  md5: string;
}

/** Where an object of the store lives: named by its SHA-256, under a folder of its first two hex digits. */
export function evidencePath(evidenceDir: string, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new TypeError("not a SHA-256");
  return path.join(evidenceDir, "objects", sha256.slice(0, 2), sha256);
}

/** A spool in the evidence directory, so that storing it is a rename within one file system. */
export function openEvidenceSpool(evidenceDir: string): Promise<Spool> {
  return Spool.create(path.join(evidenceDir, "spool"));
}

/**
 * Names a finished spool as evidence: written once, content-addressed. Bytes already in the store (the
 * same file gathered by another collection) are kept as they are and the spool is dropped; either way
 * the object's row is there once this returns.
 */
export async function commitToEvidenceStore(db: PrismaClient, evidenceDir: string, spooled: SpooledFile): Promise<StoredObject> {
  const target = evidencePath(evidenceDir, spooled.sha256);
  const existing = await stat(target).catch(() => null);
  if (existing?.size === spooled.bytes) await rm(spooled.path, { force: true });
  else {
    await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    await rename(spooled.path, target);
  }
  await db.$executeRaw`
    INSERT INTO evidence_object (sha256, size, md5) VALUES (${spooled.sha256}, ${spooled.bytes}, ${spooled.md5})
    ON CONFLICT (sha256) DO NOTHING`;
  return { sha256: spooled.sha256, size: spooled.bytes, md5: spooled.md5 };
}
