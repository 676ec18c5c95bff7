import "server-only";
import { z } from "zod";
import { flag, listOrEmpty, nullable } from "./common";

export const TextBlock = z.looseObject({
  type: z.literal("text"),
  text: z.string(),
  thinking_redacted: flag,
  truncated: flag,
});

export const ToolUseBlock = z.looseObject({
  type: z.literal("tool_use"),
  id: nullable(z.string()),
  name: z.string(),
  /** JSON-encoded arguments; not valid JSON when truncated. */
  input: z.string(),
  integration_name: nullable(z.string()),
  mcp_server_url: nullable(z.string()),
  truncated: flag,
});

export const ToolResultBlock = z.looseObject({
  type: z.literal("tool_result"),
  tool_use_id: nullable(z.string()),
  name: nullable(z.string()),
  content: listOrEmpty(
    z.looseObject({
      type: z.string(),
      text: z
        .string()
        .nullish()
        .transform((text) => text ?? ""),
    }),
  ),
  is_error: flag,
  integration_name: nullable(z.string()),
  mcp_server_url: nullable(z.string()),
  truncated: flag,
});

/**
 * A block whose type we do not know (the union has grown before) or whose known shape did not parse.
 * It is kept whole so the viewer can show it raw instead of dropping evidence.
 */
export const UnknownBlock = z
  .record(z.string(), z.unknown())
  .transform((raw) => ({ type: "unknown" as const, original_type: typeof raw.type === "string" ? raw.type : null, raw }));

export const ContentBlock = z.union([TextBlock, ToolUseBlock, ToolResultBlock, UnknownBlock]);
export type ContentBlock = z.output<typeof ContentBlock>;
export type TextBlock = z.output<typeof TextBlock>;
export type ToolUseBlock = z.output<typeof ToolUseBlock>;
export type ToolResultBlock = z.output<typeof ToolResultBlock>;
export type UnknownBlock = z.output<typeof UnknownBlock>;
