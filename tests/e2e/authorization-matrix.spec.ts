import { readdirSync, readFileSync } from "node:fs";
import { join, sep } from "node:path";
import { expect, test } from "./support/fixtures";
import {
  ABSENT,
  SMALL_SEED_1,
  SMALL_SEED_1_ARTIFACTS,
  SMALL_SEED_1_CODE_ARTIFACT,
  SMALL_SEED_1_FILES,
  SMALL_SEED_1_SESSIONS as SESSIONS,
} from "@/tests/support/simulator-ids";
import { seedSession, SESSION_COOKIE, type Persona } from "./support/stack";

const { files: FILE, generatedFiles: GENERATED_FILE } = SMALL_SEED_1_FILES;

type Who = "anonymous" | Persona;
const EVERYONE: Who[] = ["anonymous", "nobody", "reviewer", "approver", "auditor", "admin"];

/** What each persona gets: a status, or a redirect target for pages. */
type Expected = number | `→${string}`;
type Row = { route: string; method: string; path: string; body?: string; expect: Record<Who, Expected> };

const toSignIn = (path: string): Expected => `→/signin?callbackUrl=${encodeURIComponent(path)}`;
const page = (route: string, path: string, expect: Record<Who, Expected>): Row => ({ route, method: "PAGE", path, expect });
const api = (route: string, method: string, path: string, expect: Record<Who, Expected>, body?: unknown): Row => ({
  route,
  method,
  path,
  expect,
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});
const all = (expected: Expected) => Object.fromEntries(EVERYONE.map((who) => [who, expected])) as Record<Who, Expected>;

const CONTENT_READ: Record<Who, Expected> = { anonymous: 401, nobody: 403, reviewer: 200, approver: 200, auditor: 403, admin: 403 };
const CONTENT_READ_NO_CONTENT: Record<Who, Expected> = { ...CONTENT_READ, reviewer: 204, approver: 204 };

const contentReadPage = (path: string): Record<Who, Expected> => ({
  anonymous: toSignIn(path),
  nobody: "→/no-access",
  reviewer: 200,
  approver: 200,
  auditor: "→/no-access?reason=forbidden",
  admin: "→/no-access?reason=forbidden",
});

/** A page for the roles holding `permission` (listed by hand, so a change to the role table shows here). */
const permissionPage = (path: string, allowed: Persona[]): Record<Who, Expected> =>
  Object.fromEntries(
    EVERYONE.map((who) => [
      who,
      who === "anonymous" ? toSignIn(path) : who === "nobody" ? "→/no-access" : allowed.includes(who) ? 200 : "→/no-access?reason=forbidden",
    ]),
  ) as Record<Who, Expected>;
/** deletion.request: reviewers and approvers. */
const DELETION_REQUESTERS: Persona[] = ["reviewer", "approver"];
/** content.export: reviewers and approvers. */
const CONTENT_EXPORTERS: Persona[] = ["reviewer", "approver"];
/** activity.read: reviewers, approvers and auditors. */
const ACTIVITY_READERS: Persona[] = ["reviewer", "approver", "auditor"];
const ACTIVITY_READ: Record<Who, Expected> = { ...CONTENT_READ, auditor: 200 };
/** audit.read: auditors and admins. */
const AUDIT_READERS: Persona[] = ["auditor", "admin"];
/** holds.manage: admins. */
const HOLD_MANAGERS: Persona[] = ["admin"];
/** people.manage: admins. */
const PEOPLE_MANAGERS: Persona[] = ["admin"];

/** Files of the `small` dataset, seed 1 (lib/simulator/dataset/fixtures.ts): an uploaded CSV and PNG, a generated CSV and PNG. */
const RECEIPT = "00000000-0000-4000-8000-000000000000";
/** A deletion request id nobody made: its page answers, and its content says there is no such request. */
const NO_SUCH_DELETION = "00000000-0000-4000-8000-000000000001";

/**
 * Deletion routes: allowed personas get what a harmless call earns (nothing is deleted here): a
 * preparation, a refused confirmation (400), an unknown request (404), a hold on a user no one is.
 */
const DELETION_REQUEST = (allowed: Expected): Record<Who, Expected> => ({
  anonymous: 401,
  nobody: 403,
  reviewer: allowed,
  approver: allowed,
  auditor: 403,
  admin: 403,
});
const DELETION_APPROVE = (allowed: Expected): Record<Who, Expected> => ({
  anonymous: 401,
  nobody: 403,
  reviewer: 403,
  approver: allowed,
  auditor: 403,
  admin: 403,
});
const HOLDS_MANAGE = (allowed: Expected): Record<Who, Expected> => ({
  anonymous: 401,
  nobody: 403,
  reviewer: 403,
  approver: 403,
  auditor: 403,
  admin: allowed,
});
/** people.manage is the admins' too. */
const PEOPLE_MANAGE = HOLDS_MANAGE;
/** A list's download as a browser declares it (an empty file's). */
const LIST_EXPORT_RECEIPT = { rows: 0, bytes: 0, sha256: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", view: {} };
const NO_SUCH_REQUEST = "00000000-0000-4000-8000-00000000d31e";
const NO_SUCH_HOLD = "00000000-0000-4000-8000-0000000001d0";
/** Nobody with this id has signed in: each change of access answers 404 to those allowed to make it. */
const NO_SUCH_PERSON = "00000000-0000-4000-8000-0000000be0be";
/** A collection nobody started: its page answers, and its content says there is no such collection. */
const NO_SUCH_COLLECTION = "00000000-0000-4000-8000-0000000c011e";
const IDEMPOTENCY_KEY = "00000000-0000-4000-8000-0000000a11e5";

/** Every page and route handler of the app, with what each persona must get. The test below fails if one is missing. */
const MATRIX: Row[] = [
  page("/", "/", { anonymous: toSignIn("/"), nobody: "→/no-access", reviewer: 200, approver: 200, auditor: 200, admin: 200 }),
  page("/signin", "/signin", { anonymous: 200, nobody: "→/", reviewer: "→/", approver: "→/", auditor: "→/", admin: "→/" }),
  page("/no-access", "/no-access", all(200)),
  page("/audit", "/audit", {
    anonymous: toSignIn("/audit"),
    nobody: "→/no-access",
    reviewer: "→/no-access?reason=forbidden",
    approver: "→/no-access?reason=forbidden",
    auditor: 200,
    admin: 200,
  }),
  page("/custodians", "/custodians", contentReadPage("/custodians")),
  page("/chats", "/chats", contentReadPage("/chats")),
  page("/chats/[chatId]", `/chats/${SMALL_SEED_1.chat}`, contentReadPage(`/chats/${SMALL_SEED_1.chat}`)),
  page("/code-artifacts", "/code-artifacts", contentReadPage("/code-artifacts")),
  page("/code-artifacts/[artifactId]", `/code-artifacts/${SMALL_SEED_1_CODE_ARTIFACT.id}`, contentReadPage(`/code-artifacts/${SMALL_SEED_1_CODE_ARTIFACT.id}`)),
  page(
    "/code-artifacts/[artifactId]/versions/[versionId]",
    `/code-artifacts/${SMALL_SEED_1_CODE_ARTIFACT.id}/versions/${SMALL_SEED_1_CODE_ARTIFACT.versionId}`,
    contentReadPage(`/code-artifacts/${SMALL_SEED_1_CODE_ARTIFACT.id}/versions/${SMALL_SEED_1_CODE_ARTIFACT.versionId}`),
  ),
  page("/custodians/[userId]", `/custodians/${SMALL_SEED_1.user}`, contentReadPage(`/custodians/${SMALL_SEED_1.user}`)),
  page("/sessions", "/sessions", contentReadPage("/sessions")),
  page("/sessions/[kind]/[sessionId]", `/sessions/local/${SESSIONS.local}`, contentReadPage(`/sessions/local/${SESSIONS.local}`)),
  page("/projects", "/projects", contentReadPage("/projects")),
  page("/projects/[projectId]", `/projects/${SMALL_SEED_1.project}`, contentReadPage(`/projects/${SMALL_SEED_1.project}`)),
  page("/artifacts/[versionId]", `/artifacts/${SMALL_SEED_1_ARTIFACTS.markdown[0]}`, contentReadPage(`/artifacts/${SMALL_SEED_1_ARTIFACTS.markdown[0]}`)),
  page(
    "/project-documents/[documentId]",
    `/project-documents/${SMALL_SEED_1_ARTIFACTS.projectDocument}`,
    contentReadPage(`/project-documents/${SMALL_SEED_1_ARTIFACTS.projectDocument}`),
  ),
  page("/files/[fileId]", `/files/${FILE.csv}`, contentReadPage(`/files/${FILE.csv}`)),
  page("/generated-files/[generatedFileId]", `/generated-files/${GENERATED_FILE.csv}`, contentReadPage(`/generated-files/${GENERATED_FILE.csv}`)),
  page("/activity", "/activity", permissionPage("/activity", ACTIVITY_READERS)),
  page("/directory", "/directory", contentReadPage("/directory")),
  page("/api-usage", "/api-usage", permissionPage("/api-usage", AUDIT_READERS)),
  page("/approvals", "/approvals", permissionPage("/approvals", DELETION_REQUESTERS)),
  page("/deletions/[deletionId]", `/deletions/${NO_SUCH_DELETION}`, permissionPage(`/deletions/${NO_SUCH_DELETION}`, DELETION_REQUESTERS)),
  page("/legal-holds", "/legal-holds", permissionPage("/legal-holds", HOLD_MANAGERS)),
  page("/people", "/people", permissionPage("/people", PEOPLE_MANAGERS)),
  page("/collections", "/collections", permissionPage("/collections", CONTENT_EXPORTERS)),
  page("/collections/new", "/collections/new", permissionPage("/collections/new", CONTENT_EXPORTERS)),
  page("/collections/[collectionId]", `/collections/${NO_SUCH_COLLECTION}`, permissionPage(`/collections/${NO_SUCH_COLLECTION}`, CONTENT_EXPORTERS)),
  api("/api/health", "GET", "/api/health", all(200)),
  api("/api/auth/[...nextauth]", "GET", "/api/auth/providers", all(200)),
  // next-auth refuses a sign-out without its CSRF token and sends the browser to confirm it.
  api("/api/auth/[...nextauth]", "POST", "/api/auth/signout", all("→/api/auth/signout?csrf=true")),
  api("/api/organizations", "GET", "/api/organizations", CONTENT_READ),
  api("/api/organizations/[orgUuid]/users", "GET", `/api/organizations/${SMALL_SEED_1.organization}/users?limit=5`, CONTENT_READ),
  api("/api/chats", "GET", `/api/chats?userIds=${SMALL_SEED_1.user}&limit=5`, CONTENT_READ),
  api("/api/custodians/[userId]/timeline", "GET", `/api/custodians/${SMALL_SEED_1.user}/timeline`, CONTENT_READ),
  api("/api/activities", "GET", "/api/activities?limit=5&families=chats", ACTIVITY_READ),
  api("/api/activities/histogram", "GET", "/api/activities/histogram?from=2026-09-01T00:00:00Z&before=2026-09-02T00:00:00Z", ACTIVITY_READ),
  api("/api/activities/export", "GET", "/api/activities/export?format=csv&from=2026-09-01T00:00:00Z&before=2026-09-01T01:00:00Z", ACTIVITY_READ),
  api("/api/organizations/[orgUuid]/settings", "GET", `/api/organizations/${SMALL_SEED_1.organization}/settings`, CONTENT_READ),
  api("/api/organizations/[orgUuid]/roles", "GET", `/api/organizations/${SMALL_SEED_1.organization}/roles`, CONTENT_READ),
  api("/api/organizations/[orgUuid]/roles/[roleId]/permissions", "GET", `/api/organizations/${SMALL_SEED_1.organization}/roles/${ABSENT.role}/permissions`, {
    ...CONTENT_READ,
    reviewer: 404,
    approver: 404,
  }),
  api("/api/groups", "GET", "/api/groups", CONTENT_READ),
  api("/api/groups/[groupId]/members", "GET", `/api/groups/${ABSENT.group}/members`, { ...CONTENT_READ, reviewer: 404, approver: 404 }),
  api("/api/api-usage", "GET", "/api/api-usage", { anonymous: 401, nobody: 403, reviewer: 403, approver: 403, auditor: 200, admin: 200 }),
  api("/api/api-usage/export", "GET", "/api/api-usage/export?format=csv", {
    anonymous: 401,
    nobody: 403,
    reviewer: 403,
    approver: 403,
    auditor: 200,
    admin: 403,
  }),
  api("/api/api-usage/reconcile", "POST", "/api/api-usage/reconcile", { anonymous: 401, nobody: 403, reviewer: 403, approver: 403, auditor: 202, admin: 403 }),
  api("/api/sessions/local", "GET", "/api/sessions/local?limit=5", CONTENT_READ),
  api("/api/sessions/remote", "GET", "/api/sessions/remote?limit=5", CONTENT_READ),
  api("/api/sessions/local/[sessionId]/messages", "GET", `/api/sessions/local/${SESSIONS.local}/messages?limit=5`, CONTENT_READ),
  api("/api/sessions/remote/[sessionId]/messages", "GET", `/api/sessions/remote/${SESSIONS.remoteActive}/messages?limit=5`, CONTENT_READ),
  api("/api/sessions/local/[sessionId]/export", "GET", `/api/sessions/local/${SESSIONS.local}/export?format=json`, CONTENT_READ),
  api("/api/sessions/remote/[sessionId]/export", "GET", `/api/sessions/remote/${SESSIONS.remoteActive}/export?format=markdown`, CONTENT_READ),
  api("/api/chats/[chatId]/messages", "GET", `/api/chats/${SMALL_SEED_1.chat}/messages?limit=5`, CONTENT_READ),
  api(
    "/api/chats/[chatId]/messages/[messageId]",
    "GET",
    `/api/chats/${SMALL_SEED_1.chat}/messages/${SMALL_SEED_1.chatFirstMessage.id}?at=${SMALL_SEED_1.chatFirstMessage.createdAt}`,
    CONTENT_READ,
  ),
  api("/api/chats/[chatId]/overview", "GET", `/api/chats/${SMALL_SEED_1.chat}/overview`, CONTENT_READ),
  api("/api/code-artifacts", "GET", "/api/code-artifacts?limit=5", CONTENT_READ),
  api("/api/code-artifacts/[artifactId]", "GET", `/api/code-artifacts/${SMALL_SEED_1_CODE_ARTIFACT.id}`, CONTENT_READ),
  api(
    "/api/code-artifacts/[artifactId]/versions/[versionId]",
    "GET",
    `/api/code-artifacts/${SMALL_SEED_1_CODE_ARTIFACT.id}/versions/${SMALL_SEED_1_CODE_ARTIFACT.versionId}`,
    CONTENT_READ,
  ),
  api("/api/chats/[chatId]/export", "GET", `/api/chats/${SMALL_SEED_1.chat}/export?format=json`, CONTENT_READ),
  api("/api/projects", "GET", "/api/projects?limit=5", CONTENT_READ),
  api("/api/projects/[projectId]", "GET", `/api/projects/${SMALL_SEED_1.project}`, CONTENT_READ),
  api("/api/projects/[projectId]/chats", "GET", `/api/projects/${SMALL_SEED_1.project}/chats?limit=5`, CONTENT_READ),
  api("/api/artifacts/[versionId]", "GET", `/api/artifacts/${SMALL_SEED_1_ARTIFACTS.markdown[0]}`, CONTENT_READ),
  api("/api/artifacts/[versionId]/versions", "GET", `/api/artifacts/${SMALL_SEED_1_ARTIFACTS.markdown[0]}/versions`, CONTENT_READ),
  api("/api/artifacts/[versionId]/preview", "GET", `/api/artifacts/${SMALL_SEED_1_ARTIFACTS.html[0]}/preview`, CONTENT_READ),
  api("/api/artifacts/[versionId]/download", "GET", `/api/artifacts/${SMALL_SEED_1_ARTIFACTS.markdown[0]}/download`, CONTENT_READ),
  api("/api/project-documents/[documentId]", "GET", `/api/project-documents/${SMALL_SEED_1_ARTIFACTS.projectDocument}`, CONTENT_READ),
  api("/api/files/[fileId]", "GET", `/api/files/${FILE.csv}`, CONTENT_READ),
  api("/api/files/[fileId]/integrity", "GET", `/api/files/${FILE.csv}/integrity`, CONTENT_READ),
  api("/api/files/[fileId]/preview", "GET", `/api/files/${FILE.csv}/preview`, CONTENT_READ),
  api("/api/files/[fileId]/image", "GET", `/api/files/${FILE.png}/image`, CONTENT_READ),
  api("/api/files/[fileId]/download", "GET", `/api/files/${FILE.csv}/download`, CONTENT_READ),
  api("/api/files/[fileId]/download-receipts/[receiptId]", "GET", `/api/files/${FILE.csv}/download-receipts/${RECEIPT}`, CONTENT_READ),
  api("/api/generated-files/[generatedFileId]", "GET", `/api/generated-files/${GENERATED_FILE.csv}`, CONTENT_READ),
  api("/api/generated-files/[generatedFileId]/integrity", "GET", `/api/generated-files/${GENERATED_FILE.csv}/integrity`, CONTENT_READ),
  api("/api/generated-files/[generatedFileId]/preview", "GET", `/api/generated-files/${GENERATED_FILE.csv}/preview`, CONTENT_READ),
  api("/api/generated-files/[generatedFileId]/image", "GET", `/api/generated-files/${GENERATED_FILE.png}/image`, CONTENT_READ),
  api("/api/generated-files/[generatedFileId]/download", "GET", `/api/generated-files/${GENERATED_FILE.csv}/download`, CONTENT_READ),
  api(
    "/api/generated-files/[generatedFileId]/download-receipts/[receiptId]",
    "GET",
    `/api/generated-files/${GENERATED_FILE.csv}/download-receipts/${RECEIPT}`,
    CONTENT_READ,
  ),
  api("/api/preferences/organization", "PUT", "/api/preferences/organization", CONTENT_READ_NO_CONTENT, { orgUuid: SMALL_SEED_1.organization }),
  api("/api/preferences/time-zone", "PUT", "/api/preferences/time-zone", { ...all(204), anonymous: 401, nobody: 403 }, { timeZone: "UTC" }),
  api("/api/deletions/capability", "GET", "/api/deletions/capability", DELETION_REQUEST(200)),
  api("/api/deletions/prepare", "POST", "/api/deletions/prepare", DELETION_REQUEST(200), {
    target: { kind: "chat", id: SMALL_SEED_1.chat },
    idempotencyKey: IDEMPOTENCY_KEY,
  }),
  api("/api/deletions", "GET", "/api/deletions", DELETION_REQUEST(200)),
  api("/api/deletions", "POST", "/api/deletions", DELETION_REQUEST(400), {
    target: { kind: "chat", id: SMALL_SEED_1.chat },
    idempotencyKey: IDEMPOTENCY_KEY,
    confirmationToken: "not-a-token",
    typedConfirmation: SMALL_SEED_1.chat,
    reason: { code: "erasure_request" },
    reference: "MATRIX-1",
  }),
  api("/api/deletions/[deletionId]", "GET", `/api/deletions/${NO_SUCH_REQUEST}`, DELETION_REQUEST(404)),
  api("/api/deletions/[deletionId]/approve", "POST", `/api/deletions/${NO_SUCH_REQUEST}/approve`, DELETION_APPROVE(404), { comment: "Matrix." }),
  api("/api/deletions/[deletionId]/reject", "POST", `/api/deletions/${NO_SUCH_REQUEST}/reject`, DELETION_APPROVE(404), { comment: "Matrix." }),
  api("/api/deletions/[deletionId]/cancel", "POST", `/api/deletions/${NO_SUCH_REQUEST}/cancel`, DELETION_REQUEST(404), {}),
  api("/api/deletions/[deletionId]/execute", "POST", `/api/deletions/${NO_SUCH_REQUEST}/execute`, DELETION_REQUEST(404)),
  api("/api/collections", "GET", "/api/collections", CONTENT_READ),
  // An empty definition: refused before anything is created.
  api("/api/collections", "POST", "/api/collections", { ...CONTENT_READ, reviewer: 400, approver: 400 }, {}),
  api("/api/collections/[collectionId]", "GET", `/api/collections/${NO_SUCH_COLLECTION}`, { ...CONTENT_READ, reviewer: 404, approver: 404 }),
  ...(["pause", "resume", "cancel"] as const).map((control) =>
    api(`/api/collections/[collectionId]/${control}`, "POST", `/api/collections/${NO_SUCH_COLLECTION}/${control}`, {
      ...CONTENT_READ,
      reviewer: 404,
      approver: 404,
    }),
  ),
  api("/api/collections/[collectionId]/package", "GET", `/api/collections/${NO_SUCH_COLLECTION}/package`, { ...CONTENT_READ, reviewer: 404, approver: 404 }),
  api("/api/legal-holds", "GET", "/api/legal-holds", HOLDS_MANAGE(200)),
  api("/api/legal-holds", "POST", "/api/legal-holds", HOLDS_MANAGE(201), {
    matterName: "Authorisation matrix",
    reason: "A hold on the soft-deleted chat, which no test deletes.",
    startsOn: "2026-01-01",
    scope: { chatIds: [SMALL_SEED_1.softDeletedChat] },
  }),
  api("/api/legal-holds/[holdId]", "GET", `/api/legal-holds/${NO_SUCH_HOLD}`, HOLDS_MANAGE(404)),
  api("/api/legal-holds/[holdId]/release", "POST", `/api/legal-holds/${NO_SUCH_HOLD}/release`, HOLDS_MANAGE(404), { reason: "Matrix." }),
  api("/api/people", "GET", "/api/people", PEOPLE_MANAGE(200)),
  ...(["disable", "enable", "revoke-sessions"] as const).map((change) =>
    api(`/api/people/[userId]/${change}`, "POST", `/api/people/${NO_SUCH_PERSON}/${change}`, PEOPLE_MANAGE(404), { reason: "Matrix." }),
  ),
  ...(["custodians", "chats", "sessions", "projects", "code-artifacts"] as const).map((list) =>
    api(`/api/exports/${list}`, "POST", `/api/exports/${list}`, { ...CONTENT_READ, reviewer: 204, approver: 204 }, LIST_EXPORT_RECEIPT),
  ),
  api("/api/exports/deletion-requests", "POST", "/api/exports/deletion-requests", DELETION_REQUEST(204), LIST_EXPORT_RECEIPT),
  api("/api/exports/legal-holds", "POST", "/api/exports/legal-holds", HOLDS_MANAGE(204), LIST_EXPORT_RECEIPT),
  api("/api/audit/events", "GET", "/api/audit/events", { anonymous: 401, nobody: 403, reviewer: 403, approver: 403, auditor: 200, admin: 200 }),
  api("/api/audit/export", "GET", "/api/audit/export?format=jsonl", { anonymous: 401, nobody: 403, reviewer: 403, approver: 403, auditor: 200, admin: 403 }),
  api("/api/audit/checkpoint", "GET", "/api/audit/checkpoint", { anonymous: 401, nobody: 403, reviewer: 403, approver: 403, auditor: 200, admin: 403 }),
  api("/api/audit/verify", "POST", "/api/audit/verify", { anonymous: 401, nobody: 403, reviewer: 403, approver: 403, auditor: 200, admin: 403 }),
];

/** The app's routes as Next sees them: page.tsx files and each exported method of route.ts files. */
function enumerateRoutes(): string[] {
  const appDir = join(process.cwd(), "app");
  const found: string[] = [];
  for (const file of readdirSync(appDir, { recursive: true, encoding: "utf8" })) {
    const segments = file.split(sep);
    const name = segments.pop();
    if (segments.some((segment) => segment.startsWith("_") || segment.startsWith("@"))) throw new Error(`Unhandled route folder in ${file}`);
    const route = `/${segments.filter((segment) => !/^\(.*\)$/.test(segment)).join("/")}`;
    if (name === "page.tsx") found.push(`PAGE ${route}`);
    if (name === "route.ts") {
      const source = readFileSync(join(appDir, file), "utf8");
      const methods = new Set(
        [
          ...source.matchAll(/export (?:async )?(?:function|const) (GET|POST|PUT|PATCH|DELETE)\b/g),
          ...source.matchAll(/\b\w+ as (GET|POST|PUT|PATCH|DELETE)\b/g),
        ].map((match) => match[1]!),
      );
      for (const method of methods) found.push(`${method} ${route}`);
    }
  }
  return found.sort();
}

test("every page and route handler of the app is in the authorisation matrix", () => {
  const listed = new Set(MATRIX.map((row) => `${row.method} ${row.route}`));
  expect(enumerateRoutes().filter((route) => !listed.has(route))).toEqual([]);
  expect([...listed].filter((route) => !enumerateRoutes().includes(route))).toEqual([]);
});

/** What the browser must be told on every answer, page or route, whoever asks and whatever the status. */
function securityHeaderProblems(row: (typeof MATRIX)[number], headers: Record<string, string>): string[] {
  const problems: string[] = [];
  const check = (name: string, pattern: RegExp) => {
    if (!pattern.test(headers[name] ?? "")) problems.push(`${name} is ${headers[name] ?? "missing"}`);
  };
  check("x-content-type-options", /^nosniff$/);
  check("referrer-policy", /^no-referrer$/);
  check("cross-origin-opener-policy", /^same-origin$/);
  check("cross-origin-resource-policy", /^same-origin$/);
  check("permissions-policy", /camera=\(\).*microphone=\(\)/);
  // Served over http here: HSTS would be ignored, and is not sent (a unit test covers https).
  if (headers["strict-transport-security"] !== undefined) problems.push("HSTS sent over http");
  if (row.route === "/api/auth/[...nextauth]") return problems;
  const policy = headers["content-security-policy"] ?? "";
  const directives = new Map(policy.split(";").map((part) => [part.trim().split(/\s+/)[0]!, part.trim()] as const));
  if (row.method === "PAGE") {
    if (!/^script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'$/.test(directives.get("script-src") ?? ""))
      problems.push(`script-src is ${directives.get("script-src")}`);
    for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "img-src 'self' blob:", "form-action 'self'"]) {
      if (directives.get(directive.split(" ")[0]!) !== directive) problems.push(`CSP lacks ${directive}`);
    }
  } else if (!(
    directives.get("frame-ancestors") === "frame-ancestors 'none'" &&
    (directives.has("sandbox") || directives.get("default-src") === "default-src 'none'")
  )) {
    problems.push(`the route's CSP is ${policy || "missing"}`);
  }
  if (policy.includes("'unsafe-inline'") && !/style-src-attr 'unsafe-inline'/.test(policy) && !directives.has("sandbox"))
    problems.push("CSP allows unsafe-inline");
  return problems;
}

test("every route answers each persona as the matrix says", async ({ playwright, baseURL }) => {
  const tokens = new Map<Who, string | null>([["anonymous", null]]);
  for (const who of EVERYONE.filter((candidate): candidate is Persona => candidate !== "anonymous")) tokens.set(who, (await seedSession(who)).token);
  const failures: string[] = [];
  for (const who of EVERYONE) {
    const token = tokens.get(who);
    const request = await playwright.request.newContext({
      baseURL,
      extraHTTPHeaders: { origin: baseURL!, ...(token ? { cookie: `${SESSION_COOKIE}=${token}` } : {}) },
    });
    for (const row of MATRIX) {
      const response =
        row.method === "PAGE" || row.method === "GET"
          ? await request.get(row.path, { maxRedirects: 0 })
          : await request.fetch(row.path, {
              method: row.method,
              maxRedirects: 0,
              data: row.body,
              headers: row.body ? { "content-type": "application/json" } : {},
            });
      const expected = row.expect[who];
      const actual =
        response.status() >= 300 && response.status() < 400
          ? `→${new URL(response.headers().location!, baseURL).pathname}${new URL(response.headers().location!, baseURL).search}`
          : response.status();
      if (actual !== expected) failures.push(`${who} ${row.method} ${row.path}: expected ${expected}, got ${actual}`);
      failures.push(...securityHeaderProblems(row, response.headers()).map((problem) => `${who} ${row.method} ${row.path}: ${problem}`));
      if (row.method !== "PAGE" && row.route !== "/api/auth/[...nextauth]") {
        expect(response.headers()["cache-control"], `${row.method} ${row.path}`).toContain("no-store");
      }
    }
    await request.dispose();
  }
  expect(failures).toEqual([]);
});

test("a mutation from another origin, or with none, is refused even for an authorised user", async ({ playwright, baseURL }) => {
  const { token } = await seedSession("auditor");
  for (const origin of ["http://evil.test", null]) {
    const request = await playwright.request.newContext({
      baseURL,
      extraHTTPHeaders: { cookie: `${SESSION_COOKIE}=${token}`, ...(origin ? { origin } : {}) },
    });
    const response = await request.post("/api/audit/verify", { maxRedirects: 0 });
    expect(response.status()).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("bad_origin");
    await request.dispose();
  }
});
