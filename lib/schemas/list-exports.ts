import { z } from "zod";

/** The lists a reviewer can download as loaded, each a route of its own under /api/exports/. */
export const EXPORTABLE_LISTS = ["custodians", "chats", "sessions", "projects", "code-artifacts", "deletion-requests", "legal-holds"] as const;
export type ExportableList = (typeof EXPORTABLE_LISTS)[number];

/**
 * What the browser declares of a list it is about to save, before it saves it: the file is made from
 * what is on the page, so the audit row records its size and SHA-256 (to match the file later) and
 * the view it came from (filters and sort, never content).
 */
export const ListExportReceipt = z
  .object({
    rows: z.number().int().min(0).max(1_000_000),
    bytes: z.number().int().min(0).max(1_000_000_000),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    view: z.record(z.string().max(64), z.string().max(2048)).refine((view) => Object.keys(view).length <= 32, "has too many entries"),
  })
  .strict();
export type ListExportReceipt = z.infer<typeof ListExportReceipt>;
