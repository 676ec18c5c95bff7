import "server-only";
import { z } from "zod";

/** `?format=markdown|json&metadata=1|0`: the transcript's facts and ids are included unless metadata=0. */
export const ChatExportQuery = z
  .object({
    format: z.enum(["markdown", "json"], { error: "must be markdown or json" }),
    metadata: z
      .enum(["0", "1"], { error: "must be 0 or 1" })
      .default("1")
      .transform((value) => value === "1"),
  })
  .strict();
