import { open, stat } from "node:fs/promises";
import { test as base, expect } from "@playwright/test";
import { E2E_SERVER_ERROR_LOG } from "@/lib/devtools/e2e-stack-file";

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

const matches = (entry: ServerErrorEntry, expected: ExpectedServerError) => entry.status === expected.status && (!expected.url || expected.url.test(entry.url ?? ""));

/**
 * Every end-to-end test imports `test` from here. It fails any test during which Docket answered a 5xx
 * the test did not declare: the app process records each one (server-error-recorder.mjs), whoever asked
 * (a page, a fetch, the request fixture, another browser context).
 */
export const test = base.extend<{ serverErrors: ServerErrors }>({
  serverErrors: [
    async ({}, use) => {
      const offset = await logSize();
      const expected: ExpectedServerError[] = [];
      await use({ expect: (error) => void expected.push(error) });
      const unexpected = (await entriesSince(offset)).filter((entry) => !expected.some((declared) => matches(entry, declared)));
      expect(unexpected, "Docket answered with a server error this test did not expect").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
