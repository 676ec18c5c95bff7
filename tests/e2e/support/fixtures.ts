import { open, stat } from "node:fs/promises";
import { test as base, expect, type Page } from "@playwright/test";
import { E2E_SERVER_ERROR_LOG } from "@/lib/devtools/e2e-stack-file";
import { database, seedSession, SESSION_COOKIE, simulatorControl, type Persona, type SeededSession } from "./stack";

export interface ServerErrorEntry {
  at: string;
  status: number;
  method: string | null;
  url: string | null;
}

/** A 5xx a test provokes on purpose: its status and, optionally, where. */
export interface ExpectedServerError {
  status: number;
  url?: RegExp;
}

export interface ServerErrors {
  /** Declares that this test makes Docket answer such a 5xx; any other fails the test. */
  expect(expected: ExpectedServerError): void;
}

/** A row of the audit log, as the tests read it. */
export interface AuditRow {
  seq: string;
  action: string;
  outcome: string;
  actorSubject: string | null;
  actorEmail: string | null;
  targetType: string | null;
  targetId: string | null;
  organizationId: string | null;
  upstreamRequestId: string | null;
  params: Record<string, unknown>;
}

export interface AuditFilter {
  subject?: string;
  email?: string;
  action?: string;
  targetId?: string;
  /** Only rows after this seq (see `auditHead`). */
  afterSeq?: string;
}

/** The simulator's controls (lib/simulator/routes/control.ts), as a test uses them. */
export interface SimulatorControls {
  setFaults(rules: unknown[]): Promise<void>;
  clearFaults(): Promise<void>;
  /** Undoes every deletion the simulator has done, so later tests find the dataset whole. */
  reset(): Promise<void>;
  /** The requests it has served, oldest first (it keeps only the most recent ones). */
  requests(): Promise<Array<{ method: string; path: string; query: string; status: number; request_id: string }>>;
}

interface DocketFixtures {
  serverErrors: ServerErrors;
  /** Signs this test's browser context in as a new person of that persona (seeded, as sign-in makes them). */
  signedInAs: (persona: Persona, options?: { extraGroups?: string[]; authenticatedMinutesAgo?: number }) => Promise<SeededSession>;
  /** A second person in a browser of their own, signed in, closed when the test ends. */
  personIn: (persona: Persona) => Promise<Page>;
  simulator: SimulatorControls;
  auditRows: (filter: AuditFilter) => Promise<AuditRow[]>;
  /** Where the audit log ends now: rows after it are the ones the test made. */
  auditHead: () => Promise<string>;
}

async function logSize(): Promise<number> {
  return (await stat(E2E_SERVER_ERROR_LOG)).size;
}

async function entriesSince(offset: number): Promise<ServerErrorEntry[]> {
  const file = await open(E2E_SERVER_ERROR_LOG, "r");
  try {
    const { size } = await file.stat();
    const buffer = Buffer.alloc(Math.max(0, size - offset));
    await file.read(buffer, 0, buffer.length, offset);
    return buffer
      .toString("utf8")
      .split("\n")
      .filter((line) => line !== "")
      .map((line) => JSON.parse(line) as ServerErrorEntry);
  } finally {
    await file.close();
  }
}

const matches = (entry: ServerErrorEntry, expected: ExpectedServerError) =>
  entry.status === expected.status && (!expected.url || expected.url.test(entry.url ?? ""));

/** The audit log rows matching `filter`, oldest first (also the `auditRows` fixture). */
export async function readAuditRows(filter: AuditFilter): Promise<AuditRow[]> {
  const conditions: string[] = [];
  const values: unknown[] = [];
  const add = (column: string, value: unknown) => {
    values.push(value);
    conditions.push(`${column} = $${values.length}`);
  };
  if (filter.subject !== undefined) add("actor_subject", filter.subject);
  if (filter.email !== undefined) add("actor_email", filter.email);
  if (filter.action !== undefined) add("action", filter.action);
  if (filter.targetId !== undefined) add("target_id", filter.targetId);
  if (filter.afterSeq !== undefined) {
    values.push(filter.afterSeq);
    conditions.push(`seq > $${values.length}`);
  }
  const { rows } = await database().query<AuditRow>(
    `SELECT seq::text, action, outcome, actor_subject AS "actorSubject", actor_email AS "actorEmail", target_type AS "targetType", target_id AS "targetId",
            organization_id AS "organizationId", upstream_request_id AS "upstreamRequestId", params
       FROM audit_event ${conditions.length > 0 ? `WHERE ${conditions.join(" AND ")}` : ""} ORDER BY audit_event.seq`,
    values,
  );
  return rows;
}

/** Where the audit log ends now (also the `auditHead` fixture). */
export async function readAuditHead(): Promise<string> {
  return (await database().query<{ seq: string }>("SELECT coalesce(max(seq), 0)::text AS seq FROM audit_event")).rows[0]!.seq;
}

/**
 * Every end-to-end test imports `test` from here. It fails any test during which Docket answered a 5xx
 * the test did not declare: the app process records each one (server-error-recorder.mjs), whoever asked
 * (a page, a fetch, the request fixture, another browser context).
 */
export const test = base.extend<DocketFixtures>({
  serverErrors: [
    async ({}, provide) => {
      const offset = await logSize();
      const expected: ExpectedServerError[] = [];
      await provide({ expect: (error) => void expected.push(error) });
      const unexpected = (await entriesSince(offset)).filter((entry) => !expected.some((declared) => matches(entry, declared)));
      expect(unexpected, "Docket answered with a server error this test did not expect").toEqual([]);
    },
    { auto: true },
  ],
  signedInAs: async ({ context, baseURL }, provide) => {
    await provide(async (persona, options) => {
      const session = await seedSession(persona, options);
      await context.addCookies([{ name: SESSION_COOKIE, value: session.token, url: baseURL!, httpOnly: true, sameSite: "Lax" }]);
      return session;
    });
  },
  personIn: async ({ browser, baseURL }, provide) => {
    const contexts: Awaited<ReturnType<typeof browser.newContext>>[] = [];
    await provide(async (persona) => {
      const context = await browser.newContext({ baseURL });
      contexts.push(context);
      const session = await seedSession(persona);
      await context.addCookies([{ name: SESSION_COOKIE, value: session.token, url: baseURL!, httpOnly: true, sameSite: "Lax" }]);
      return context.newPage();
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
  simulator: async ({}, provide) => {
    await provide({
      setFaults: async (rules) => void (await simulatorControl("/_simulator/faults", "PUT", { rules })),
      clearFaults: async () => void (await simulatorControl("/_simulator/faults", "DELETE")),
      reset: async () => void (await simulatorControl("/_simulator/reset", "POST")),
      requests: async () =>
        ((await (await simulatorControl("/_simulator/requests", "GET")).json()) as { data: Awaited<ReturnType<SimulatorControls["requests"]>> }).data,
    });
  },
  auditRows: async ({}, provide) => {
    await provide(readAuditRows);
  },
  auditHead: async ({}, provide) => {
    await provide(readAuditHead);
  },
});

export { expect };
