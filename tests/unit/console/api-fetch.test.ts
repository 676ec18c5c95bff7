import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { z } from "zod";
import { currentApiBudget } from "@/lib/queries/api-budget-store";
import { ApiRequestError, apiFetch } from "@/lib/queries/api-fetch";
import { deletionIdOf, holdsOf } from "@/lib/queries/deletion-queries";
import { API_BUDGET_HEADERS } from "@/lib/schemas/api-budget";
import { AppError, toErrorResponse } from "@/lib/server/http/errors";
import { ComplianceApiError } from "@/lib/server/compliance/errors";

// A real HTTP server answering as Docket's routes do: its refusals are the server's own error table's.
type Answer = (request: IncomingMessage, body: string) => Promise<Response> | Response;
const answers = new Map<string, Answer>();
let server: Server;
let origin: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    request.on("end", () => {
      void (async () => {
        const answer = await answers.get(request.url ?? "")!(request, body);
        response.writeHead(answer.status, Object.fromEntries(answer.headers));
        response.end(Buffer.from(await answer.arrayBuffer()));
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function route(path: string, answer: Answer): string {
  answers.set(path, answer);
  return `${origin}${path}`;
}

describe("apiFetch, the browser's one way to Docket's routes", () => {
  test("sends a mutation's body as JSON, parses the answer, and publishes the budget it reports", async () => {
    const url = route("/mutation", (request, body) =>
      Response.json(
        { echoed: JSON.parse(body) as unknown, contentType: request.headers["content-type"], method: request.method },
        { headers: { [API_BUDGET_HEADERS.remaining]: "17", [API_BUDGET_HEADERS.limit]: "600", [API_BUDGET_HEADERS.resetsAt]: "2026-12-07T10:00:00Z" } },
      ),
    );
    const Answer = z.object({ echoed: z.object({ reason: z.string() }), contentType: z.string(), method: z.string() });
    await expect(apiFetch(url, Answer, { method: "POST", body: { reason: "retention" } })).resolves.toEqual({
      echoed: { reason: "retention" },
      contentType: "application/json",
      method: "POST",
    });
    expect(currentApiBudget()).toEqual({ remaining: 17, limit: 600, resetsAt: "2026-12-07T10:00:00Z" });
  });

  test("a refusal keeps the server's code, message, ids and details, which the deletion dialog acts on", async () => {
    const holds = [{ id: "0b7c6a9e-0000-4000-8000-000000000001", matterName: "Acme v. Globex" }];
    const url = route("/held", () =>
      toErrorResponse(new AppError("legal_hold", "An active legal hold (Acme v. Globex) covers this chat.", { holds, deletionId: "req-1" }), "dkt_held"),
    );
    const error = await apiFetch(url, z.unknown(), { method: "POST", body: {} }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({
      status: 409,
      code: "legal_hold",
      message: "An active legal hold (Acme v. Globex) covers this chat.",
      requestId: "dkt_held",
      upstreamRequestId: null,
    });
    expect(holdsOf(error)).toEqual(holds);
    expect(deletionIdOf(error)).toBe("req-1");
  });

  test("a used-up Compliance API budget is a 429 with its wait, and the page learns when it comes back", async () => {
    const url = route("/limited", () => toErrorResponse(new ComplianceApiError(429, "rate_limit_error", "Rate limited.", "req_429", 45), "dkt_limited"));
    const before = Date.now();
    const error = await apiFetch(url, z.unknown()).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 429, code: "upstream_rate_limited", retryAfterSeconds: 45, upstreamRequestId: "req_429" });
    const budget = currentApiBudget()!;
    expect(budget.remaining).toBe(0);
    expect(Date.parse(budget.resetsAt!) - before).toBeGreaterThanOrEqual(45_000);
  });

  test("an answer that is no envelope (a proxy's HTML page) still fails with its status, never resolves", async () => {
    const url = route(
      "/proxy",
      () => new Response("<html>Bad gateway</html>", { status: 502, headers: { "content-type": "text/html", "x-request-id": "dkt_proxy" } }),
    );
    await expect(apiFetch(url, z.unknown())).rejects.toMatchObject({ status: 502, code: "http_error", requestId: "dkt_proxy", details: undefined });
  });

  test("an answer that does not match the schema is refused, not passed on", async () => {
    const url = route("/drifted", () => Response.json({ items: "not a list" }));
    await expect(apiFetch(url, z.object({ items: z.array(z.string()) }))).rejects.toBeInstanceOf(z.ZodError);
  });
});
