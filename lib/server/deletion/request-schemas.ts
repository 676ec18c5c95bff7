import "server-only";
import { z } from "zod";

export const DeletionPath = z.object({ deletionId: z.uuid("must be a deletion request id") }).strict();
