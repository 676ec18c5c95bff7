import { z } from "zod";

/** Docket's own use of the Compliance API, matched against the Activity Feed. Client-safe. */

const DocketCall = z.object({
  startedAt: z.string(),
  process: z.string(),
  method: z.string(),
  path: z.string(),
  status: z.number().int().nullable(),
  requestId: z.string().nullable(),
});

const FeedCall = z.object({
  activityId: z.string(),
  createdAt: z.string(),
  apiKeyId: z.string().nullable(),
  method: z.string().nullable(),
  url: z.string().nullable(),
  statusCode: z.number().int().nullable(),
  ipAddress: z.string().nullable(),
  userAgent: z.string().nullable(),
  requestId: z.string().nullable(),
});
export type FeedCall = z.infer<typeof FeedCall>;

export const ApiUsageDay = z.object({
  day: z.string(),
  docketCalls: z.number().int(),
  matched: z.number().int(),
  missingFromFeed: z.number().int(),
  foreignWithDocketKey: z.number().int(),
  otherKeys: z.number().int(),
});

export const ApiUsageReport = z.object({
  from: z.string(),
  before: z.string(),
  /** The feed has been read and stored up to here; calls after it are not judged yet. */
  readThrough: z.string().nullable(),
  lastRunAt: z.string().nullable(),
  lastError: z.string().nullable(),
  /** The keys the feed shows Docket's own calls under (the read key, and the worker's delete key). */
  docketKeyIds: z.array(z.string()),
  totals: z.object({
    docketCalls: z.number().int(),
    matched: z.number().int(),
    /** Recorded after the feed was last read (or within the grace before it): not judged yet. */
    awaitingFeed: z.number().int(),
    /** Calls the API answered without a request id, or refused as unauthenticated: the feed cannot show them. */
    unattributable: z.number().int(),
    missingFromFeed: z.number().int(),
    foreignWithDocketKey: z.number().int(),
    otherKeys: z.number().int(),
  }),
  days: z.array(ApiUsageDay),
  missing: z.array(DocketCall),
  foreign: z.array(FeedCall),
  otherKeys: z.array(
    z.object({ apiKeyId: z.string().nullable(), calls: z.number().int(), first: z.string(), last: z.string(), userAgents: z.array(z.string()) }),
  ),
});
export type ApiUsageReport = z.infer<typeof ApiUsageReport>;
