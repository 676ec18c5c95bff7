// `/_simulator/*`: test and benchmark controls. They exist only when control is enabled, need no
// API key, are not rate limited and are not logged as API requests or activities.

import type { IncomingMessage } from "node:http";
import type { Fixtures } from "../dataset/fixtures";
import { faultRulesSchema, type FaultEngine } from "../http/faults";
import type { State } from "../state";

export interface ControlDeps {
  state: State;
  faults: FaultEngine;
  fixtures: () => Fixtures;
  reset: () => void;
}

export interface ControlReply {
  status: number;
  json: unknown;
  allow?: string;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return text.trim() === "" ? null : (JSON.parse(text) as unknown);
}

const badRequest = (message: string): ControlReply => ({ status: 400, json: { type: "error", error: { type: "invalid_request_error", message } } });

/** Counts of every API request answered (a benchmark's thousands, which the log does not keep), by status. */
function requestCounts(state: State): { total: number; byStatus: Record<string, number> } {
  const byStatus = Object.fromEntries([...state.answeredByStatus].sort(([a], [b]) => a - b).map(([status, count]) => [String(status), count]));
  return { total: Object.values(byStatus).reduce((sum, count) => sum + count, 0), byStatus };
}

const ROUTES: Record<string, Record<string, (deps: ControlDeps, req: IncomingMessage) => Promise<ControlReply> | ControlReply>> = {
  "/_simulator/faults": {
    GET: (d) => ({ status: 200, json: { rules: d.faults.list() } }),
    PUT: async (d, req) => {
      let body: unknown;
      try {
        body = await readJson(req);
      } catch {
        return badRequest('Body must be JSON: {"rules": [...]} or an array of rules.');
      }
      const rules = Array.isArray(body) ? body : (body as { rules?: unknown } | null)?.rules;
      const parsed = faultRulesSchema.safeParse(rules);
      if (!parsed.success) return badRequest(`Invalid fault rules: ${parsed.error.message}`);
      d.faults.set(parsed.data);
      return { status: 200, json: { rules: d.faults.list() } };
    },
    DELETE: (d) => {
      d.faults.set([]);
      return { status: 200, json: { rules: [] } };
    },
  },
  "/_simulator/reset": {
    POST: (d) => {
      d.reset();
      return { status: 200, json: { reset: true } };
    },
  },
  "/_simulator/requests": {
    GET: (d) => ({ status: 200, json: { data: d.state.requests, inFlight: [...d.state.inFlight.values()] } }),
    DELETE: (d) => {
      d.state.requests = [];
      return { status: 200, json: { data: [] } };
    },
  },
  "/_simulator/request-counts": {
    GET: (d) => ({ status: 200, json: requestCounts(d.state) }),
    DELETE: (d) => {
      d.state.answeredByStatus.clear();
      return { status: 200, json: requestCounts(d.state) };
    },
  },
  "/_simulator/fixtures": {
    GET: (d) => ({ status: 200, json: d.fixtures() }),
  },
};

/** Null when the path is not a control path (the caller answers a plain 404). */
export async function handleControl(deps: ControlDeps, req: IncomingMessage, path: string): Promise<ControlReply | null> {
  const methods = ROUTES[path];
  if (!methods) return null;
  const handler = methods[req.method ?? "GET"];
  if (!handler)
    return {
      status: 405,
      allow: Object.keys(methods).join(", "),
      json: { type: "error", error: { type: "invalid_request_error", message: `Method ${req.method} is not allowed on ${path}.` } },
    };
  return handler(deps, req);
}
