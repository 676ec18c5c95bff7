// The simulator's HTTP server. Request pipeline, in the order the docs imply:
//   request-id -> (control paths) -> injected latency -> 401 (before the limiter, no quota)
//   -> shared rate limit (429; headers on every authenticated response) -> injected errors
//   -> route (404 unknown path, 405 wrong method) -> scope (403, quota already spent)
//   -> handler (400 / 404 / 409 / 200) -> compliance_api_accessed activity + request log.

import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Dataset } from "./dataset/dataset";
import { buildFixtures, type Fixtures } from "./dataset/fixtures";
import type { DatasetSize } from "./dataset/profiles";
import { formatUs } from "./dataset/time";
import { activityRoutes } from "./routes/activities";
import { artifactRoutes } from "./routes/artifacts";
import { chatRoutes } from "./routes/chats";
import { codeArtifactRoutes } from "./routes/code-artifacts";
import { handleControl, type ControlReply } from "./routes/control";
import { fileRoutes } from "./routes/files";
import { groupRoutes } from "./routes/groups";
import { messageRoutes } from "./routes/messages";
import { organizationRoutes } from "./routes/organizations";
import { projectRoutes } from "./routes/projects";
import { sessionRoutes } from "./routes/sessions";
import { authenticate, missingScopes } from "./http/auth";
import { singleChunk, writeBody } from "./http/body";
import type { Ctx, Reply, RouteDef } from "./http/context";
import { ApiError, errorBody, Errors } from "./http/errors";
import { FaultEngine, injectedError, withExtraFields, type AppliedFaults, type FaultRule } from "./http/faults";
import { Query } from "./http/query";
import { RateLimiter, rateLimitHeaders, REMOTE_SESSION_LIMIT_PER_MINUTE } from "./http/rate-limiter";
import { newRequestId } from "./http/request-id";
import { Router } from "./http/router";
import { State, type LoggedRequest } from "./state";
import type { SimulatorKey } from "./dataset/api-keys";

export interface SimulatorOptions {
  /** 0 = an ephemeral port. Default 4010. */
  port?: number;
  host?: string;
  seed?: number;
  dataset?: DatasetSize;
  rateLimitPerMinute?: number;
  /** The remote session endpoints' second budget. */
  remoteSessionLimitPerMinute?: number;
  faults?: FaultRule[];
  /** Enables the `/_simulator/*` control endpoints. */
  control?: boolean;
}

export interface RunningSimulator {
  url: string;
  port: number;
  close(): Promise<void>;
  setFaults(rules: FaultRule[]): void;
  reset(): void;
  requestLog(): LoggedRequest[];
  /** Requests received and not yet answered (a latency fault holds them). */
  inFlight(): Array<Omit<LoggedRequest, "status">>;
  fixtures: Fixtures;
  /** The generated dataset (tests inspect it directly). */
  dataset: Dataset;
}

export type { FaultRule, Fixtures, LoggedRequest };

const API_PREFIX = "/v1/compliance";
const REMOTE_SESSIONS_PATH = `${API_PREFIX}/apps/sessions/remote`;
/** The activity records the production URL the simulator stands in for. */
const PUBLIC_BASE = "https://api.anthropic.com";

const ROUTES: RouteDef[] = [
  ...activityRoutes,
  ...organizationRoutes,
  ...groupRoutes,
  ...chatRoutes,
  ...messageRoutes,
  ...fileRoutes,
  ...artifactRoutes,
  ...projectRoutes,
  ...sessionRoutes,
  ...codeArtifactRoutes,
];

function sendJson(res: ServerResponse, status: number, body: unknown, faults: AppliedFaults | null, headers: Record<string, string> = {}): Promise<void> {
  const buf = Buffer.from(JSON.stringify(body), "utf8");
  res.writeHead(status, { ...headers, "content-type": "application/json", "content-length": String(buf.length) });
  return writeBody(res, singleChunk(buf), faults?.body ?? null);
}

/** RFC 5987 `filename*` for every name: percent-encode everything outside attr-char. */
export function contentDisposition(filename: string): string {
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename*=utf-8''${encoded}`;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const seed = options.seed ?? 1;
  const dataset = new Dataset(seed, options.dataset ?? "demo");
  const state = new State(dataset.ids);
  const limiter = new RateLimiter(options.rateLimitPerMinute ?? 600);
  const remoteSessionLimiter = new RateLimiter(options.remoteSessionLimitPerMinute ?? REMOTE_SESSION_LIMIT_PER_MINUTE);
  const faults = new FaultEngine(seed);
  faults.set(options.faults ?? []);
  let fixtures: Fixtures | null = null;
  const getFixtures = (): Fixtures => (fixtures ??= buildFixtures(dataset));
  const router = new Router<RouteDef>();
  for (const r of ROUTES) router.add(r.method, r.path, r);
  const reset = (): void => {
    state.reset();
    limiter.reset();
    remoteSessionLimiter.reset();
    faults.set([]);
  };
  // The large file's digest takes one pass over 1 GiB: start it now, in the background.
  void dataset.blobs.ensureLarge();

  const recordAccess = (req: IncomingMessage, key: SimulatorKey, requestId: string, status: number, pathAndQuery: string, unlogged = false): void => {
    if (unlogged) return;
    state.addActivity("compliance_api_accessed", (id, timeUs) => ({
      id,
      created_at: formatUs(timeUs),
      organization_id: null,
      organization_uuid: null,
      actor: {
        type: "api_actor",
        api_key_id: key.id,
        ip_address: (req.socket.remoteAddress ?? "").replace(/^::ffff:/, "") || null,
        user_agent: req.headers["user-agent"] ?? null,
      },
      type: "compliance_api_accessed",
      request_id: requestId,
      request_method: req.method,
      status_code: status,
      url: `${PUBLIC_BASE}${pathAndQuery}`,
      request_body: null,
    }));
  };

  async function handleApi(req: IncomingMessage, res: ServerResponse, requestId: string, path: string, rawQuery: string): Promise<void> {
    const method = req.method ?? "GET";
    state.inFlight.set(requestId, { method, path, query: rawQuery, request_id: requestId, time: new Date().toISOString() });
    const applied = faults.apply(method, path);
    if (applied.latencyMs > 0) await new Promise((r) => setTimeout(r, applied.latencyMs));
    let status = 500;
    let key: SimulatorKey | null = null;
    let rateHeaders: Record<string, string> = {};
    try {
      if (!path.startsWith(`${API_PREFIX}/`) && path !== API_PREFIX) throw Errors.unknownPath();
      key = authenticate(req.headers, dataset.keys);
      if (!key) throw Errors.authentication();
      const decision = limiter.take();
      rateHeaders = rateLimitHeaders(decision);
      if (!decision.allowed) throw Errors.rateLimited(limiter.limit, limiter.retryAfterSeconds(decision.resetMs), {});
      // The documented second budget: the same error, a retry-after of always 1 (a minimum, not the
      // reset), and rate headers that speak of the shared limit.
      if (path.startsWith(REMOTE_SESSIONS_PATH) && !remoteSessionLimiter.take().allowed) throw Errors.rateLimited(limiter.limit, 1, {});
      if (applied.terminal?.type === "rate_limit") {
        const resetMs = Date.now() + applied.terminal.retryAfterSeconds * 1000;
        rateHeaders = rateLimitHeaders({ allowed: false, limit: limiter.limit, remaining: 0, resetMs });
        throw Errors.rateLimited(limiter.limit, applied.terminal.retryAfterSeconds, {});
      }
      if (applied.terminal?.type === "status") {
        const e = injectedError(applied.terminal.status);
        const shouldRetry = applied.terminal.shouldRetry;
        throw new ApiError(applied.terminal.status, e.type, e.message, shouldRetry === undefined ? {} : { "x-should-retry": String(shouldRetry) });
      }
      const match = router.match(method, path);
      if ("allowed" in match) {
        if (match.allowed.length === 0) throw Errors.unknownPath();
        throw new ApiError(405, "invalid_request_error", `Method ${method} is not allowed on this path. Allowed: ${match.allowed.join(", ")}.`, {
          allow: match.allowed.join(", "),
        });
      }
      const route = match.found.route;
      const granted = applied.terminal?.type === "scope_denied" ? key.scopes.filter((scope) => scope !== route.scope) : key.scopes;
      if (missingScopes(granted, [route.scope])) throw Errors.missingScopes([...granted].sort(), [route.scope]);
      const ctx: Ctx = {
        ds: dataset,
        state,
        req,
        key,
        requestId,
        path,
        query: new Query(rawQuery),
        params: match.found.params,
        emit: (type, org, fields) => {
          const o = dataset.dir.orgs[org]!;
          const actor = {
            type: "api_actor",
            api_key_id: key!.id,
            ip_address: (req.socket.remoteAddress ?? "").replace(/^::ffff:/, "") || null,
            user_agent: req.headers["user-agent"] ?? null,
          };
          // Undocumented whether the API emits these; the schema lists only user_actor for the
          // file, document and project variants, but an API deletion has no user behind it.
          state.addActivity(type, (id, timeUs) => ({
            id,
            created_at: formatUs(timeUs),
            organization_id: o.tagged,
            organization_uuid: o.uuid,
            actor,
            type,
            ...fields,
          }));
        },
      };
      const reply: Reply = await route.handler(ctx);
      if ("download" in reply) {
        status = 200;
        recordAccess(req, key, requestId, status, req.url ?? path, applied.unlogged);
        const d = reply.download;
        let md5 = d.md5;
        if (applied.wrongMd5) {
          md5 = Buffer.from(md5);
          md5[0] = md5[0]! ^ 0xff;
        }
        res.writeHead(200, {
          ...rateHeaders,
          "content-type": d.contentType,
          "content-disposition": contentDisposition(d.filename),
          "content-md5": md5.toString("base64"),
          "transfer-encoding": "chunked",
        });
        await writeBody(res, d.body(), applied.body);
        return;
      }
      status = reply.status ?? 200;
      recordAccess(req, key, requestId, status, req.url ?? path, applied.unlogged);
      await sendJson(res, status, applied.extraFields ? withExtraFields(reply.json, applied.extraFields) : reply.json, applied, rateHeaders);
    } catch (err) {
      const e = err instanceof ApiError ? err : new ApiError(500, "api_error", "Internal server error");
      if (!(err instanceof ApiError)) console.error(`[simulator] ${requestId} ${method} ${path}:`, err);
      status = e.status;
      if (key) recordAccess(req, key, requestId, status, req.url ?? path, applied.unlogged);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      await sendJson(res, status, errorBody(e.type, e.message, requestId), applied, { ...rateHeaders, ...e.headers });
    } finally {
      state.inFlight.delete(requestId);
      state.logRequest({ method, path, query: rawQuery, status, request_id: requestId, time: new Date().toISOString() });
    }
  }

  const server = createServer((req, res) => {
    const requestId = newRequestId();
    res.setHeader("request-id", requestId);
    const raw = req.url ?? "/";
    const q = raw.indexOf("?");
    const path = q === -1 ? raw : raw.slice(0, q);
    const rawQuery = q === -1 ? "" : raw.slice(q + 1);
    void (async () => {
      if (options.control && path.startsWith("/_simulator/")) {
        const reply = await handleControl({ state, faults, fixtures: getFixtures, reset }, req, path).catch((err: unknown): ControlReply => {
          console.error("[simulator] control:", err);
          return { status: 500, json: errorBody("api_error", "Internal server error", requestId) };
        });
        if (reply) {
          await sendJson(res, reply.status, reply.json, null, reply.allow ? { allow: reply.allow } : {});
          return;
        }
      }
      await handleApi(req, res, requestId, path, rawQuery);
    })();
  });
  // Keep-alive benchmark clients reuse sockets; don't let Node's defaults cut them short.
  server.keepAliveTimeout = 65_000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 4010, options.host ?? "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Stalled bodies (fault injection) and idle keep-alive sockets would hold close() open.
        server.closeAllConnections();
      }),
    setFaults: (rules) => faults.set(rules),
    reset,
    requestLog: () => [...state.requests],
    inFlight: () => [...state.inFlight.values()],
    get fixtures() {
      return getFixtures();
    },
    dataset,
  };
}
