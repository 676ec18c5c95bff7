import { z } from "zod";

/**
 * How every one of Docket's routes answers a refusal or a failure (lib/server/http/errors.ts writes
 * it, lib/queries/api-fetch.ts reads it). `details` carries what the page acts on: the holds that
 * block a deletion, the request already open for an object.
 */
export const ErrorEnvelope = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    // Docket always sends both; a reader keeps what it can of an envelope that lacks them.
    requestId: z.string().optional(),
    upstreamRequestId: z.string().nullable().optional(),
    details: z.unknown().optional(),
  }),
});
export type ErrorEnvelope = z.infer<typeof ErrorEnvelope>;
