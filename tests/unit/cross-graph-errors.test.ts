import { describe, expect, test, vi } from "vitest";
import type { ComplianceClient } from "@/lib/server/compliance/client";

/**
 * Next.js gives pages, route handlers and instrumentation each their own copy of a server module, and
 * the objects on globalThis throw the copy of whichever graph made them. Here two fresh imports stand
 * for two graphs: one graph throws, the other recognises.
 */
async function loadGraph() {
  vi.resetModules();
  return {
    complianceErrors: await import("@/lib/server/compliance/errors"),
    httpErrors: await import("@/lib/server/http/errors"),
    deleteKey: await import("@/lib/server/deletion/delete-key"),
    db: await import("@/lib/server/db"),
    docketError: await import("@/lib/server/docket-error"),
  };
}

const pages = await loadGraph();
const routes = await loadGraph();

async function answerOf(response: Response) {
  return {
    status: response.status,
    retryAfter: response.headers.get("retry-after"),
    body: (await response.json()) as { error: { code: string; message: string; upstreamRequestId: string | null } },
  };
}

describe("errors thrown by one module graph's copy of a class, met in another graph", () => {
  test("the two graphs really hold two copies of each class", () => {
    expect(pages.complianceErrors.ComplianceApiError).not.toBe(routes.complianceErrors.ComplianceApiError);
    expect(pages.httpErrors.AppError).not.toBe(routes.httpErrors.AppError);
  });

  test("an upstream 404 keeps its status and the API's message", async () => {
    const notFound = new pages.complianceErrors.ComplianceApiError(404, "not_found_error", "Chat claude_chat_01X not found.", "req_404");
    expect(notFound).toBeInstanceOf(routes.complianceErrors.ComplianceApiError);
    const { status, body } = await answerOf(routes.httpErrors.toErrorResponse(notFound, "dkt_1"));
    expect(status).toBe(404);
    expect(body.error).toMatchObject({ code: "not_found", upstreamRequestId: "req_404" });
    expect(body.error.message).toContain("Chat claude_chat_01X not found.");
  });

  test("an upstream 429 is a 429 with its retry time, and a refused scope is explained", async () => {
    const limited = new pages.complianceErrors.ComplianceApiError(429, "rate_limit_error", "Rate limited.", "req_429", 45);
    expect(await answerOf(routes.httpErrors.toErrorResponse(limited, "dkt_2"))).toMatchObject({
      status: 429,
      retryAfter: "45",
      body: { error: { code: "upstream_rate_limited" } },
    });
    const refused = new pages.complianceErrors.ComplianceApiError(403, "permission_error", "The key lacks read:compliance_org_data.", "req_403");
    const { status, body } = await answerOf(routes.httpErrors.toErrorResponse(refused, "dkt_3"));
    expect(status).toBe(502);
    expect(body.error.code).toBe("upstream_scope_missing");
    expect(body.error.message).toContain("lacks read:compliance_org_data");
  });

  test("Docket's own errors keep their code", async () => {
    const held = new pages.httpErrors.AppError("legal_hold");
    expect((await answerOf(routes.httpErrors.toErrorResponse(held, "dkt_4"))).status).toBe(409);
    const network = new pages.complianceErrors.ComplianceNetworkError("headers", "The Compliance API did not answer in time.", null);
    expect((await answerOf(routes.httpErrors.toErrorResponse(network, "dkt_5"))).status).toBe(504);
  });

  test("the delete key's learner in one graph reads another graph's 403 for the scopes it names", async () => {
    const refused = new routes.complianceErrors.ComplianceApiError(
      403,
      "permission_error",
      "Missing required scopes. Got: ['delete:compliance_user_data'] Needed: ['read:compliance_org_data']",
      "req_scopes",
    );
    const deleter = { organizations: { list: () => Promise.reject(refused) } } as unknown as ComplianceClient;
    const finding = await pages.deleteKey.learnDeleteKey({ reader: deleter, deleter, deleterKind: "compliance" }, [], () => new Date());
    expect(finding).toMatchObject({ reason: "available", scopes: ["delete:compliance_user_data"] });
  });

  test("a Prisma unique violation is known by its code, whatever copy of Prisma threw it", () => {
    const violation = Object.assign(new Error("Unique constraint failed"), { code: "P2002" });
    expect(routes.db.isUniqueConstraintViolation(violation)).toBe(true);
    expect(routes.db.isUniqueConstraintViolation(Object.assign(new Error("Foreign key"), { code: "P2003" }))).toBe(false);
    expect(routes.db.isUniqueConstraintViolation({ code: "P2002" })).toBe(false);
  });
});

describe("branded instanceof", () => {
  const { ComplianceApiError, ComplianceError, ComplianceNetworkError } = routes.complianceErrors;

  test("matches the class and its ancestors, never a sibling", () => {
    const error = new pages.complianceErrors.ComplianceApiError(500, "api_error", "Failed.", null);
    expect(error).toBeInstanceOf(ComplianceApiError);
    expect(error).toBeInstanceOf(ComplianceError);
    expect(error).toBeInstanceOf(routes.docketError.DocketError);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(ComplianceNetworkError);
    expect(error).not.toBeInstanceOf(routes.httpErrors.AppError);
  });

  test("is not fooled by a lookalike or a primitive", () => {
    const lookalike = Object.assign(new Error("x"), { name: "ComplianceApiError", status: 404, type: "not_found_error" });
    for (const value of [lookalike, { brand: "ComplianceApiError" }, "ComplianceApiError", null, undefined, 404]) {
      expect(value instanceof ComplianceApiError).toBe(false);
    }
  });

  test("refuses a subclass that forgot its own brand", () => {
    class Unbranded extends routes.httpErrors.AppError {}
    expect(() => new Unbranded("internal")).toThrow(/Unbranded must declare its own static brand/);
  });
});
