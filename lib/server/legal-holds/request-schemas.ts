import "server-only";
import { z } from "zod";

export const LegalHoldPath = z.object({ holdId: z.uuid("must be a legal hold id") }).strict();
