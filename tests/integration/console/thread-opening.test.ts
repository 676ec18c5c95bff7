import { afterEach, describe, expect, test } from "vitest";
import { ChatThreadPage } from "@/lib/schemas/console";
import { AuditWriteError } from "@/lib/server/audit/record-audit-event";
import type { ComplianceClient } from "@/lib/server/compliance/client";
import type { ReadEvent } from "@/lib/server/console/console-read";
import { getChatMessages } from "@/lib/server/console/get-chat-messages";
import { readThreadOpening, type ThreadOpeningDeps } from "@/lib/server/console/read-thread-opening";
import { setUpSimulatorWithClient, type RunningSimulator } from "@/tests/support/simulator";
import { ABSENT } from "@/tests/support/simulator-ids";
import { REQUEST_METADATA, reviewer } from "../files/file-fixtures";

let simulator: RunningSimulator;
let client: ComplianceClient;
setUpSimulatorWithClient({ rateLimitPerMinute: 100_000 }, (started) => ({ simulator, client } = started));
afterEach(() => simulator.setFaults([]));

const actor = reviewer();
const metadata = REQUEST_METADATA;

/** The page's dependencies, with the audit rows kept in memory and the moment each was written noted among the steps. */
function recordingDeps(steps: string[], fail = false): ThreadOpeningDeps & { events: ReadEvent[] } {
  const events: ReadEvent[] = [];
  return {
    client,
    events,
    recordRead: async (_request, event) => {
      steps.push("audit");
      if (fail) throw new AuditWriteError("database", "audit event not written: the database refused or could not be reached");
      events.push({ action: event.action, target: event.target, params: event.params });
    },
  };
}

describe("readThreadOpening", () => {
  test("reads the page the thread view would have asked for, audits it as the messages route does, then hands it over", async () => {
    const chatId = simulator.fixtures.longChat.id;
    const steps: string[] = [];
    const deps = recordingDeps(steps);
    const pending = readThreadOpening({ actor, metadata }, chatId, { kind: "start" }, deps).then((served) => {
      steps.push("handed over");
      return served;
    });
    const served = await pending;

    expect(steps).toEqual(["audit", "handed over"]);
    expect(deps.events).toEqual([{ action: "chat.view", target: { type: "chat", id: chatId }, params: { limit: 100, order: "asc" } }]);
    if (!served.ok) throw new Error(`refused: ${served.refusal.message}`);
    expect(ChatThreadPage.parse(served.page)).toEqual(served.page);
    expect(served.page).toEqual((await getChatMessages(client, chatId, { limit: 100, order: "asc" })).dto);
    expect(served.budget).toMatchObject({ limit: 100_000, remaining: expect.any(Number) });
  });

  test("a deep link's time opens the page there", async () => {
    const chatId = simulator.fixtures.longChat.id;
    const whole = await getChatMessages(client, chatId, { limit: 300, order: "asc" });
    const target = whole.dto.messages[250]!;
    const deps = recordingDeps([]);
    const served = await readThreadOpening({ actor, metadata }, chatId, { kind: "at", at: target.createdAt }, deps);

    expect(deps.events[0]!.params).toEqual({ limit: 100, order: "asc", from: target.createdAt });
    expect(served.ok && served.page.messages[0]!.id).toBe(target.id);
  });

  test("nothing is handed over when its audit row cannot be written", async () => {
    const served = await readThreadOpening({ actor, metadata }, simulator.fixtures.toolsChat, { kind: "start" }, recordingDeps([], true));
    expect(served).toEqual({
      ok: false,
      refusal: {
        status: 503,
        code: "audit_unavailable",
        message: expect.stringContaining("audit log could not be written"),
        requestId: metadata.requestId,
        upstreamRequestId: null,
        retryAfterSeconds: null,
      },
    });
  });

  test("an upstream refusal comes back as the messages route answers it, unaudited", async () => {
    const chatId = simulator.fixtures.toolsChat;
    simulator.setFaults([{ match: { path: `/v1/compliance/apps/chats/${chatId}/messages` }, fault: { type: "rate_limit", retryAfterSeconds: 45 } }]);
    const steps: string[] = [];
    const served = await readThreadOpening({ actor, metadata }, chatId, { kind: "start" }, recordingDeps(steps));

    expect(steps).toEqual([]);
    expect(served).toMatchObject({ ok: false, refusal: { status: 429, code: "upstream_rate_limited", requestId: metadata.requestId, retryAfterSeconds: 45 } });
  });

  test("a chat the API does not know is a 404 with the API's request id", async () => {
    const served = await readThreadOpening({ actor, metadata }, ABSENT.chat, { kind: "start" }, recordingDeps([]));
    expect(served).toMatchObject({
      ok: false,
      refusal: { status: 404, code: "not_found", requestId: metadata.requestId, upstreamRequestId: expect.any(String) },
    });
  });
});
