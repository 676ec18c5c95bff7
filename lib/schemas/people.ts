/**
 * The people who have signed in to Docket, for administrators: who has sessions, and the switch that
 * ends someone's access at their next request.
 *
 *   GET  /api/people                             PersonList    people.manage
 *   POST /api/people/{userId}/disable            PersonDto     people.manage   PersonAccessBody
 *   POST /api/people/{userId}/enable             PersonDto     people.manage   PersonAccessBody
 *   POST /api/people/{userId}/revoke-sessions    PersonDto     people.manage   PersonAccessBody
 */
import { z } from "zod";
import { ROLES } from "./access";

const Timestamp = z.iso.datetime({ offset: true });

export const PersonDto = z.object({
  id: z.uuid(),
  email: z.string().nullable(),
  name: z.string().nullable(),
  /** Docket roles from the IdP groups of their last sign-in. */
  roles: z.array(z.enum(ROLES)),
  disabled: z.boolean(),
  lastSignInAt: Timestamp.nullable(),
  /** Sessions not yet ended (some may be idle past their limit, ended at their next use). */
  sessions: z.number().int().nonnegative(),
  lastSeenAt: Timestamp.nullable(),
});
export type PersonDto = z.infer<typeof PersonDto>;

export const PersonList = z.object({ people: z.array(PersonDto) });
export type PersonList = z.infer<typeof PersonList>;

export const MAX_ACCESS_REASON = 500;

/** Why an administrator changes someone's access: kept in the audit log. */
export const PersonAccessBody = z
  .object({ reason: z.string().trim().min(1, "must say why").max(MAX_ACCESS_REASON, `must be at most ${MAX_ACCESS_REASON} characters`) })
  .strict();
export type PersonAccessBody = z.infer<typeof PersonAccessBody>;
