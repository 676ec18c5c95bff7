// Reads and validates the SIMULATOR_* environment (design.md "Fixed names").

import { faultRulesSchema } from "./http/faults";
import { REMOTE_SESSION_LIMIT_PER_MINUTE } from "./http/rate-limiter";
import { DATASET_SIZES, type DatasetSize } from "./dataset/profiles";
import type { SimulatorOptions } from "./server";

export class EnvError extends Error {}

function integer(env: NodeJS.ProcessEnv, name: string, def: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return def;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < min || Number(raw) > max) {
    throw new EnvError(`${name} must be an integer between ${min} and ${max}; got "${raw}".`);
  }
  return Number(raw);
}

export function optionsFromEnv(env: NodeJS.ProcessEnv): SimulatorOptions {
  const dataset = env.SIMULATOR_DATASET || "demo";
  if (!(DATASET_SIZES as readonly string[]).includes(dataset)) {
    throw new EnvError(`SIMULATOR_DATASET must be one of ${DATASET_SIZES.join(", ")}; got "${dataset}".`);
  }
  const control = (env.SIMULATOR_CONTROL ?? "").trim().toLowerCase();
  if (!["", "0", "1", "true", "false"].includes(control)) throw new EnvError(`SIMULATOR_CONTROL must be 1 or 0; got "${env.SIMULATOR_CONTROL}".`);
  let faults: SimulatorOptions["faults"] = [];
  if (env.SIMULATOR_FAULTS) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(env.SIMULATOR_FAULTS);
    } catch {
      throw new EnvError('SIMULATOR_FAULTS must be JSON: an array of fault rules (or {"rules": [...]}).');
    }
    const rules = Array.isArray(parsed) ? parsed : (parsed as { rules?: unknown } | null)?.rules;
    const result = faultRulesSchema.safeParse(rules);
    if (!result.success) throw new EnvError(`SIMULATOR_FAULTS is not a valid list of fault rules: ${result.error.message}`);
    faults = result.data;
  }
  return {
    port: integer(env, "SIMULATOR_PORT", 4010, 0, 65535),
    host: env.SIMULATOR_HOST || "127.0.0.1",
    seed: integer(env, "SIMULATOR_SEED", 1, 0, 0xffffffff),
    rateLimitPerMinute: integer(env, "SIMULATOR_RATE_LIMIT", 600, 1, 1_000_000_000),
    remoteSessionLimitPerMinute: integer(env, "SIMULATOR_REMOTE_SESSION_LIMIT", REMOTE_SESSION_LIMIT_PER_MINUTE, 1, 1_000_000_000),
    dataset: dataset as DatasetSize,
    faults,
    control: control === "1" || control === "true",
  };
}
