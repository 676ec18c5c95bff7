import { execFileSync } from "node:child_process";
import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { clientFor, FULL_KEY, startTestSimulator, type RunningSimulator } from "@/tests/support/simulator";
import { ABSENT } from "@/tests/support/simulator-ids";

let simulator: RunningSimulator;
beforeAll(async () => {
  simulator = await startTestSimulator();
});
afterAll(() => simulator.close());

function everythingAbout(value: unknown): string {
  const error = value as Error;
  return [inspect(value, { depth: 10, showHidden: true }), JSON.stringify(value), error?.message, error?.stack].join("\n");
}

describe("the access key stays in the outgoing request header", () => {
  test("no error, result or client property reveals it", async () => {
    const client = clientFor(simulator);
    simulator.setFaults([{ match: { path: "/v1/compliance/apps/projects" }, fault: { type: "status", status: 500, shouldRetry: false } }]);
    const failures = await Promise.all([
      client.projects.list().catch((error: unknown) => error),
      client.chats.getMessages(ABSENT.chat).catch((error: unknown) => error),
      client.chats.getMessages("../organizations").catch((error: unknown) => error),
      clientFor(simulator, { baseUrl: "http://127.0.0.1:9", retry: { maxAttempts: 1 } })
        .organizations.list()
        .catch((error: unknown) => error),
    ]);
    const success = await client.organizations.list();
    for (const value of [...failures, success, client]) expect(everythingAbout(value)).not.toContain(FULL_KEY);
    await client.close();
  });

  test("only the transport sends a key and only the env module and the client factory read either", () => {
    const sending = execFileSync("git", ["grep", "-l", "-i", "x-api-key", "--", "app", "components", "lib"], { encoding: "utf8" }).trim().split("\n");
    expect(sending.filter((file) => !file.startsWith("lib/simulator/"))).toEqual(["lib/server/compliance/transport.ts"]);
    const reading = execFileSync("git", ["grep", "-l", "COMPLIANCE_API_KEY", "--", "app", "components", "lib"], { encoding: "utf8" }).trim().split("\n");
    expect(reading.filter((file) => !file.startsWith("lib/devtools/")).sort()).toEqual(["lib/server/compliance/index.ts", "lib/server/env.ts"]);
    const readingDeleteKey = execFileSync("git", ["grep", "-l", "env.COMPLIANCE_API_DELETE_KEY", "--", "app", "components", "lib"], { encoding: "utf8" })
      .trim()
      .split("\n");
    expect(readingDeleteKey.filter((file) => !file.startsWith("lib/devtools/"))).toEqual(["lib/server/compliance/index.ts"]);
  });
});

describe("refused ids never become requests", () => {
  test.each(["..", "%2e%2e", "claude_chat_x/../../organizations", "claude_chat_a?limit=1", "claude_proj_01abc", "//evil.test/x"])(
    "%j is refused with no request made",
    async (id) => {
      simulator.reset();
      const client = clientFor(simulator);
      await expect(client.chats.getMessages(id)).rejects.toMatchObject({ kind: "validation" });
      await expect(client.chats.delete(id)).rejects.toMatchObject({ kind: "validation" });
      expect(simulator.requestLog()).toHaveLength(0);
      await client.close();
    },
  );
});
