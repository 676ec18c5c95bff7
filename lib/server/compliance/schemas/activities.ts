import "server-only";
import { z } from "zod";
import { nullable, Timestamp } from "./common";

/** The actor union has grown several times; its type-specific fields are kept as given. */
export const Actor = z.looseObject({ type: z.string() });

/** 467 activity types and counting: common fields are typed, the type-specific ones are kept. */
export const Activity = z.looseObject({
  id: z.string(),
  created_at: Timestamp,
  type: z.string(),
  organization_id: nullable(z.string()),
  organization_uuid: nullable(z.string()),
  actor: nullable(Actor),
});
export type Activity = z.output<typeof Activity>;
