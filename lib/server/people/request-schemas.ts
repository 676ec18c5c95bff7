import "server-only";
import { z } from "zod";

export const PersonPath = z.object({ userId: z.uuid("must be a person's id") }).strict();
