import "server-only";
import { z } from "zod";
import { ContentBlock } from "./content-blocks";
import { listOrEmpty, nullable, Timestamp } from "./common";

const SessionUser = z.looseObject({ id: z.string(), email_address: nullable(z.string()) });

export const LocalSession = z.looseObject({
  id: z.string(),
  type: nullable(z.string()),
  organization_uuid: nullable(z.string()),
  workspace_id: nullable(z.string()),
  user: nullable(SessionUser),
  product_surface: nullable(z.string()),
  created_at: Timestamp,
});
export type LocalSession = z.output<typeof LocalSession>;

export const RemoteSession = z.looseObject({
  id: z.string(),
  organization_uuid: nullable(z.string()),
  user: nullable(SessionUser),
  agent_id: nullable(z.string()),
  started_by_user: nullable(SessionUser),
  status: nullable(z.string()),
  created_at: Timestamp,
  updated_at: nullable(Timestamp),
  product_surface: nullable(z.string()),
  claude_project_id: nullable(z.string()),
});
export type RemoteSession = z.output<typeof RemoteSession>;

/** Where a local session turn came from; unknown provenance types are kept. */
const Provenance = z.looseObject({ type: z.string(), reason: nullable(z.string()) });

export const LocalSessionMessage = z.looseObject({
  id: z.string(),
  role: z.string(),
  created_at: Timestamp,
  content: listOrEmpty(ContentBlock),
  provenance: nullable(Provenance),
});
export type LocalSessionMessage = z.output<typeof LocalSessionMessage>;

export const RemoteSessionMessage = z.looseObject({
  id: z.string(),
  role: z.string(),
  created_at: Timestamp,
  content: listOrEmpty(ContentBlock),
  sent_by_user_id: nullable(z.string()),
  content_unavailable: z
    .boolean()
    .nullish()
    .transform((value) => value ?? false),
});
export type RemoteSessionMessage = z.output<typeof RemoteSessionMessage>;

export const sessionMessagesPage = <S extends z.ZodType, M extends z.ZodType>(session: S, message: M) =>
  z.looseObject({ session, data: listOrEmpty(message), next_page: nullable(z.string()) });
