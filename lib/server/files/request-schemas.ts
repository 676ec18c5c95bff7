import "server-only";
import { z } from "zod";
import { RECEIPT_PATTERN } from "@/lib/schemas/files";
import { ID_DESCRIPTIONS, ID_PATTERNS, type IdKind } from "@/lib/server/compliance/ids";
import type { FileTarget } from "./file-target";

/**
 * What the file routes accept. Each route takes only its own kind of id, and the path is
 * parsed straight into the file it names.
 */

const idOf = (kind: IdKind) => z.string().regex(ID_PATTERNS[kind], `must be ${ID_DESCRIPTIONS[kind]}`);
const receiptId = z.string().regex(RECEIPT_PATTERN, "must be a version 4 UUID in lower case");
const fileId = idOf("file");
const generatedFileId = idOf("generatedFile");

export interface FilePaths {
  path: z.ZodType<{ target: FileTarget }>;
  receiptPath: z.ZodType<{ target: FileTarget; receiptId: string }>;
}

const uploaded = (id: string): FileTarget => ({ kind: "file", id });
const generated = (id: string): FileTarget => ({ kind: "generated_file", id });

export const FILE_PATHS: Record<FileTarget["kind"], FilePaths> = {
  file: {
    path: z.object({ fileId }).transform((params) => ({ target: uploaded(params.fileId) })),
    receiptPath: z.object({ fileId, receiptId }).transform((params) => ({ target: uploaded(params.fileId), receiptId: params.receiptId })),
  },
  generated_file: {
    path: z.object({ generatedFileId }).transform((params) => ({ target: generated(params.generatedFileId) })),
    receiptPath: z.object({ generatedFileId, receiptId }).transform((params) => ({ target: generated(params.generatedFileId), receiptId: params.receiptId })),
  },
};

export const DownloadQuery = z.object({ receipt: receiptId.optional() }).strict();
/** Routes that take no query parameters refuse any, rather than ignore them. */
export const NoQuery = z.object({}).strict();
