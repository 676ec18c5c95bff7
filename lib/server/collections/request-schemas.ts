import "server-only";
import { z } from "zod";

export const CollectionPath = z.object({ collectionId: z.uuid({ error: "must be a collection id (a UUID)" }) });
export const NoQuery = z.object({}).strict();
