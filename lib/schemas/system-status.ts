import { z } from "zod";

/** What the server tells anyone about its own health: states only, never data or configuration. */
export const ServiceState = z.object({
  state: z.enum(["ok", "degraded", "down"]),
  detail: z.string(),
  /** The Compliance API only: set when Docket's key reads the Activity Feed and nothing else. */
  reach: z.literal("activities_only").optional(),
});

export const SystemStatus = z.object({
  database: ServiceState,
  complianceApi: ServiceState,
  /** What the worker last reported of its delete key (deleting needs both a worker and the scope). */
  deletionWorker: ServiceState,
  checkedAt: z.string(),
});

export type ServiceState = z.infer<typeof ServiceState>;
export type SystemStatus = z.infer<typeof SystemStatus>;
