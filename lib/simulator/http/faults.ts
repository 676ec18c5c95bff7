// Fault injection for tests and benchmarks (off unless rules are set). Each rule matches by
// method and path (a prefix, or a regular expression when it starts with "^"), may apply only
// to the next N matching requests, and may fire with a probability drawn from a PRNG seeded by
// the simulator seed, so a run is reproducible.

import { z } from "zod";
import { Rng } from "../dataset/prng";

const faultSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("latency"), ms: z.number().int().min(0).max(600_000) }),
  z.object({
    type: z.literal("status"),
    status: z.union([z.literal(500), z.literal(502), z.literal(503), z.literal(504), z.literal(529)]),
    shouldRetry: z.boolean().optional(),
  }),
  z.object({ type: z.literal("rate_limit"), retryAfterSeconds: z.number().int().min(1).max(3600) }),
  z.object({ type: z.literal("slow_body"), bytesPerSecond: z.number().int().min(1) }),
  z.object({ type: z.literal("stall_body"), afterBytes: z.number().int().min(0) }),
  z.object({ type: z.literal("reset_body"), afterBytes: z.number().int().min(0) }),
  z.object({ type: z.literal("wrong_md5") }),
  /** Answered as if the key had been created without the scope the endpoint needs (a read-only key's DELETE, say). */
  z.object({ type: z.literal("scope_denied") }),
  /** Answered normally, but no compliance_api_accessed activity is recorded (the feed losing a call). */
  z.object({ type: z.literal("unlogged") }),
  /**
   * A field the docs do not list yet, as the API adds them: merged into a JSON answer and into each
   * object of its top-level lists (`data`, `chat_messages`), so clients can prove they keep it.
   */
  z.object({ type: z.literal("extra_fields"), fields: z.record(z.string(), z.json()) }),
]);

export const faultRuleSchema = z.object({
  match: z.object({ method: z.string().optional(), path: z.string().optional() }).optional(),
  times: z.number().int().min(1).optional(),
  probability: z.number().min(0).max(1).optional(),
  fault: faultSchema,
});

export const faultRulesSchema = z.array(faultRuleSchema);

export type FaultRule = z.infer<typeof faultRuleSchema>;
export type Fault = z.infer<typeof faultSchema>;

export type BodyFault = Extract<Fault, { type: "slow_body" | "stall_body" | "reset_body" }>;

/** What the matching rules ask of one request. */
export interface AppliedFaults {
  latencyMs: number;
  /** The first status, rate-limit or scope fault wins; it replaces the real response. */
  terminal: Extract<Fault, { type: "status" | "rate_limit" | "scope_denied" }> | null;
  body: BodyFault | null;
  wrongMd5: boolean;
  unlogged: boolean;
  extraFields: Record<string, unknown> | null;
}

interface ActiveRule {
  rule: FaultRule;
  remaining: number | null;
  pathRegex: RegExp | null;
}

export class FaultEngine {
  private rules: ActiveRule[] = [];
  private rng: Rng;

  constructor(private readonly seed: number) {
    this.rng = new Rng(seed, 0xfa17);
  }

  set(rules: readonly FaultRule[]): void {
    this.rules = rules.map((rule) => ({
      rule,
      remaining: rule.times ?? null,
      pathRegex: rule.match?.path?.startsWith("^") ? new RegExp(rule.match.path) : null,
    }));
    this.rng = new Rng(this.seed, 0xfa17);
  }

  /** Current rules, with `times` showing what is left. */
  list(): FaultRule[] {
    return this.rules.map((r) => (r.remaining === null ? r.rule : { ...r.rule, times: r.remaining }));
  }

  apply(method: string, path: string): AppliedFaults {
    const out: AppliedFaults = { latencyMs: 0, terminal: null, body: null, wrongMd5: false, unlogged: false, extraFields: null };
    for (const r of this.rules) {
      const m = r.rule.match;
      if (m?.method && m.method.toUpperCase() !== method) continue;
      if (m?.path && !(r.pathRegex ? r.pathRegex.test(path) : path.startsWith(m.path))) continue;
      if (r.rule.probability !== undefined && this.rng.float() >= r.rule.probability) continue;
      const f = r.rule.fault;
      if (f.type === "latency") out.latencyMs += f.ms;
      else if (f.type === "status" || f.type === "rate_limit" || f.type === "scope_denied") {
        if (out.terminal) continue;
        out.terminal = f;
      } else if (f.type === "wrong_md5") out.wrongMd5 = true;
      else if (f.type === "unlogged") out.unlogged = true;
      else if (f.type === "extra_fields") out.extraFields = { ...out.extraFields, ...f.fields };
      else if (!out.body) out.body = f;
      else continue;
      if (r.remaining !== null) r.remaining--;
    }
    this.rules = this.rules.filter((r) => r.remaining === null || r.remaining > 0);
    return out;
  }
}

/** Error type and message for an injected server error (plausible; the docs give none). */
export function injectedError(status: 500 | 502 | 503 | 504 | 529): { type: "api_error" | "overloaded_error" | "timeout_error"; message: string } {
  switch (status) {
    case 500:
      return { type: "api_error", message: "Internal server error" };
    case 502:
      return { type: "api_error", message: "Bad gateway" };
    case 503:
      return { type: "overloaded_error", message: "The service is temporarily unavailable. Try again shortly." };
    case 504:
      return { type: "timeout_error", message: "The request timed out before a response was produced." };
    case 529:
      return { type: "overloaded_error", message: "Overloaded" };
  }
}

/** The answer with the `extra_fields` fault's fields added to it and to each object of its top-level lists. */
export function withExtraFields(body: unknown, fields: Record<string, unknown>): unknown {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return body;
  const addTo = (item: unknown) => (typeof item === "object" && item !== null && !Array.isArray(item) ? { ...item, ...fields } : item);
  const out: Record<string, unknown> = { ...body, ...fields };
  for (const list of ["data", "chat_messages"]) {
    if (Array.isArray(out[list])) out[list] = (out[list] as unknown[]).map(addTo);
  }
  return out;
}
