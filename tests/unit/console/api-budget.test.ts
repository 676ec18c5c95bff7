import { describe, expect, test } from "vitest";
import { API_BUDGET_HEADERS, isBudgetLow, readApiBudget } from "@/lib/schemas/api-budget";

describe("readApiBudget", () => {
  test("reads the three headers Docket's routes send", () => {
    const headers = new Headers({
      [API_BUDGET_HEADERS.remaining]: "42",
      [API_BUDGET_HEADERS.limit]: "600",
      [API_BUDGET_HEADERS.resetsAt]: "2026-11-23T10:00:00Z",
    });
    expect(readApiBudget(headers)).toEqual({ remaining: 42, limit: 600, resetsAt: "2026-11-23T10:00:00Z" });
  });

  test.each([
    [{}],
    [{ [API_BUDGET_HEADERS.remaining]: "x", [API_BUDGET_HEADERS.limit]: "600" }],
    [{ [API_BUDGET_HEADERS.remaining]: "4", [API_BUDGET_HEADERS.limit]: "0" }],
    [{ [API_BUDGET_HEADERS.remaining]: "4.5", [API_BUDGET_HEADERS.limit]: "600" }],
  ])("ignores missing or unreadable values (%o)", (values) => {
    expect(readApiBudget(new Headers(values))).toBeNull();
  });
});

describe("isBudgetLow", () => {
  test("is low at a fifth of the minute's budget or less, and when used up", () => {
    expect(isBudgetLow({ remaining: 121, limit: 600, resetsAt: null })).toBe(false);
    expect(isBudgetLow({ remaining: 120, limit: 600, resetsAt: null })).toBe(true);
    expect(isBudgetLow({ remaining: 0, limit: 0, resetsAt: null })).toBe(true);
  });

  test("a tiny budget is low only at its last request", () => {
    expect(isBudgetLow({ remaining: 2, limit: 3, resetsAt: null })).toBe(false);
    expect(isBudgetLow({ remaining: 1, limit: 3, resetsAt: null })).toBe(true);
  });
});
