import "server-only";
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { IntegrityReport } from "@/lib/schemas/files";
import type { ComplianceClient } from "@/lib/server/compliance/client";
import { createMd5Verifier } from "@/lib/server/compliance/download";
import type { ConsoleRead } from "@/lib/server/console/console-read";
import { AppError } from "@/lib/server/http/errors";
import { contentMd5ToHex, openFileDownload, readFileMetadata, type FileTarget } from "./file-target";

/** Keeps nothing: the check needs the hash of the bytes, not the bytes. */
const discard = () => new Writable({ write: (_chunk, _encoding, done) => done() });

/**
 * Reads every byte of a file upstream, hashes it and discards it, then compares the hash with the
 * Content-MD5 sent with the bytes and with the MD5 recorded at upload. The API documents the
 * Content-MD5 as authoritative when the two records differ, so it decides the verdict when present.
 */
export async function checkIntegrity(client: ComplianceClient, target: FileTarget, signal: AbortSignal): Promise<ConsoleRead<IntegrityReport>> {
  const metadata = await readFileMetadata(client, target, { signal });
  if (!metadata.downloadable) {
    throw new AppError(
      "not_found",
      "The Compliance API holds no bytes for this file (an expired generated file, or an upload without content), so there is nothing to check.",
    );
  }
  const download = await openFileDownload(client, target, { signal });
  const servedMd5 = contentMd5ToHex(download.contentMd5);
  const verifier = createMd5Verifier(servedMd5 === null ? null : download.contentMd5!.trim());
  await pipeline(download.body, verifier.stream, discard(), { signal });
  const outcome = await verifier.outcome;
  const recordedMd5 = metadata.md5?.toLowerCase() ?? null;
  return {
    dto: {
      ...judgeIntegrity({ actualMd5: outcome.actualHex, servedMd5, recordedMd5, bytes: outcome.bytes, recordedSizeBytes: metadata.sizeBytes }),
      bytes: outcome.bytes,
      actualMd5: outcome.actualHex,
      servedMd5,
      recordedMd5,
      recordedSizeBytes: metadata.sizeBytes,
      checkedAt: new Date().toISOString(),
      upstreamRequestId: download.requestId,
    },
    upstreamRequestIds: [metadata.requestId, download.requestId].filter((id): id is string => id !== null),
  };
}

/** The verdict and every discrepancy found, from the hash of the bytes and the two MD5s on record. */
export function judgeIntegrity(facts: {
  actualMd5: string;
  servedMd5: string | null;
  recordedMd5: string | null;
  bytes: number;
  recordedSizeBytes: number | null;
}): Pick<IntegrityReport, "verdict" | "findings"> {
  const findings: IntegrityReport["findings"] = [];
  if (facts.servedMd5 !== null && facts.servedMd5 !== facts.actualMd5) findings.push("served_md5_differs");
  if (facts.recordedMd5 !== null && facts.recordedMd5 !== facts.actualMd5) findings.push("recorded_md5_differs");
  if (facts.recordedSizeBytes !== null && facts.recordedSizeBytes !== facts.bytes) findings.push("size_differs");
  const reference = facts.servedMd5 ?? facts.recordedMd5;
  if (reference === null) return { verdict: "unverifiable", findings: [...findings, "no_md5"] };
  return { verdict: reference === facts.actualMd5 ? "verified" : "mismatch", findings };
}
