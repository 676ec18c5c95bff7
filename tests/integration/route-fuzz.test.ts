// Every route handler of the app, called in-process as Next.js calls it, with random path parameters,
// query strings and bodies, by a person holding every role (so input reaches validation and past it),
// against a real PostgreSQL and the simulator over HTTP. Whatever comes in: never a 5xx, never a stack
// trace or a file path in the answer, and never a request upstream for an id that cannot be one.
import { readdirSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import fc from "fast-check";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { VALID_SERVER_ENV } from "@/tests/support/server-env";
import { startTestDatabase, type TestDatabase } from "@/tests/support/database";
import { READONLY_KEY, startTestSimulator, type RunningSimulator } from "@/tests/support/simulator";

const ORIGIN = "http://localhost:3000";
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
/** next-auth's own routes are next-auth's; every other handler is Docket's. */
const SKIPPED = new Set(["auth/[...nextauth]"]);

type Handler = (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
interface RouteCase {
  route: string;
  method: (typeof METHODS)[number];
  segments: string[];
  handler: Handler;
}

let server: TestDatabase;
let simulator: RunningSimulator;
let cookie: string;
const routes: RouteCase[] = [];

function routeFiles(directory: string): string[] {
  return readdirSync(directory, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(`${sep}route.ts`) || file === "route.ts")
    .map((file) => join(directory, file));
}

beforeAll(async () => {
  [server, simulator] = await Promise.all([startTestDatabase(), startTestSimulator({ rateLimitPerMinute: 1_000_000 })]);
  const { db, url } = await server.createDatabase("route_fuzz");
  Object.assign(process.env, {
    ...VALID_SERVER_ENV,
    NODE_ENV: "production",
    DATABASE_URL: url,
    COMPLIANCE_API_BASE_URL: simulator.url,
    COMPLIANCE_API_KEY: READONLY_KEY,
    NEXTAUTH_URL: ORIGIN,
    DOCKET_ROLE_MAP: "everything:reviewer,everything:approver,everything:auditor,everything:admin",
    // One fuzzer makes thousands of requests a minute: the per-person limit has its own test.
    DOCKET_REVIEWER_REQUESTS_PER_MINUTE: "100000",
    DOCKET_REVIEWER_API_SHARE: "1",
    DOCKET_AUDIT_CHECKPOINT_FILE: join(await mkdtemp(join(tmpdir(), "docket-fuzz-")), "checkpoint.json"),
    DOCKET_EVIDENCE_DIR: await mkdtemp(join(tmpdir(), "docket-fuzz-evidence-")),
  });
  const user = await db.appUser.create({
    data: { issuer: VALID_SERVER_ENV.OIDC_ISSUER, subject: "fuzzer", email: "fuzzer@docket.test", idpGroups: ["everything"] },
  });
  const token = "fuzz-session-token-of-enough-length";
  const { hashSessionToken } = await import("@/lib/server/auth/session-store");
  await db.authSession.create({ data: { tokenHash: hashSessionToken(token), userId: user.id, expiresAt: new Date(Date.now() + 3_600_000) } });
  cookie = `next-auth.session-token=${token}`;

  const apiRoot = join(process.cwd(), "app", "api");
  for (const file of routeFiles(apiRoot)) {
    const route = relative(apiRoot, file).split(sep).slice(0, -1).join("/");
    if (SKIPPED.has(route)) continue;
    const handlers = (await import(/* @vite-ignore */ file)) as Partial<Record<(typeof METHODS)[number], Handler>>;
    const segments = [...route.matchAll(/\[([^\]]+)\]/g)].map((match) => match[1]!);
    for (const method of METHODS) {
      const handler = handlers[method];
      if (handler) routes.push({ route, method, segments, handler });
    }
  }
}, 180_000);

afterAll(async () => {
  const { getDb } = await import("@/lib/server/db");
  await getDb().$disconnect();
  await simulator?.close();
  await server?.stop();
});

/** Ids as they come: well-formed or not, of the right kind or not, hostile or not. */
const anyId = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.constantFrom("..", "%2e%2e", "../organizations", "a/b", "claude_chat_x?limit=1", "//evil.test/x", " ", "null", "\u0000", "é"),
  fc.stringMatching(/^(claude_chat|claude_file|claude_proj|claude_doc|user|org)_[0-9A-Za-z]{1,30}$/),
  fc.uuid(),
);
const queryKeys = fc.constantFrom("limit", "page", "cursor", "after", "before", "status", "mine", "format", "org", "userId", "q", "created_at.gte", "x");
const anyQuery = fc.array(fc.tuple(queryKeys, fc.string({ maxLength: 30 })), { maxLength: 4 });
const anyBody = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
  fc.jsonValue({ maxDepth: 2 }).map((value) => `{"__proto__":${JSON.stringify(value)},"constructor":{"prototype":{"polluted":true}}}`),
  fc.constant(`"${"x".repeat(1024 * 1024)}"`),
  fc.string({ maxLength: 200 }),
  fc.constant(""),
  fc.constant('{"target":{"kind":"chat","id":"../x"},"idempotencyKey":"00000000-0000-4000-8000-000000000000"}'),
);

/** Anything but the characters every id the API issues is made of: no route may send it upstream. */
const cannotBeAnId = (value: string) => !/^[A-Za-z0-9_-]+$/.test(value);

/** What a route may answer: success, or a refusal a reviewer can act on; never a server error but the audit log's 503. */
const EXPECTED_STATUSES = new Set([400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 503]);

const STACK_TRACE = /\n\s+at .+[(:]\d+|node_modules|\/work\/|webpack-internal|\.tsx?:\d+/;

describe("every route handler, fuzzed", () => {
  test("was found", () => {
    expect(routes.length).toBeGreaterThan(50);
    expect(routes.filter((route) => route.segments.length > 0).length).toBeGreaterThan(30);
  });

  test("answers random params, queries and bodies without a 5xx, a stack trace, or an upstream call for an impossible id", async () => {
    const seen = new Map<string, Set<number>>();
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(
          fc.array(anyId, { minLength: route.segments.length, maxLength: route.segments.length }),
          anyQuery,
          anyBody,
          async (ids, query, body) => {
            const params = Object.fromEntries(route.segments.map((segment, index) => [segment, ids[index]!]));
            const path = route.route.replace(/\[([^\]]+)\]/g, (_match, name: string) => encodeURIComponent(params[name]!));
            const search = new URLSearchParams(query).toString();
            const mutation = route.method !== "GET";
            const request = new NextRequest(`${ORIGIN}/api/${path}${search ? `?${search}` : ""}`, {
              method: route.method,
              headers: { cookie, ...(mutation ? { origin: ORIGIN, "content-type": "application/json" } : {}) },
              ...(mutation ? { body } : {}),
            });
            simulator.reset();
            const response = await route.handler(request, { params: Promise.resolve(params) });
            const text = await response.text();
            seen.set(`${route.method} ${route.route}`, (seen.get(`${route.method} ${route.route}`) ?? new Set()).add(response.status));
            const status = response.status;
            expect(status < 300 || EXPECTED_STATUSES.has(status), `${route.method} /api/${path}?${search} → ${status} ${text.slice(0, 300)}`).toBe(true);
            expect(text, `${route.method} /api/${path}`).not.toMatch(STACK_TRACE);
            if (Object.values(params).some(cannotBeAnId)) expect(simulator.requestLog(), `${route.method} /api/${path}`).toEqual([]);
          },
        ),
        { numRuns: 20, seed: 20261207 },
      );
    }
    // Not everything was refused at the door: some random input got through to a 2xx or a 404.
    const statuses = new Set([...seen.values()].flatMap((set) => [...set]));
    expect([...statuses].some((status) => status < 300 || status === 404)).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, 600_000);
});
