import { describe, expect, test } from "vitest";
import { parseProjectFilters, projectFiltersQueryString, projectListApiQuery } from "@/lib/console/project-filters";

describe("project filters", () => {
  test("keep the known, non-blank, single-valued parameters only", () => {
    expect(parseProjectFilters({ org: "o", owners: " ", createdFrom: ["a", "b"], page: "p", updatedTo: "2024-01-01T00:00:00Z" })).toEqual({
      org: "o",
      updatedTo: "2024-01-01T00:00:00Z",
    });
  });

  test("become the API route's query, with the page size and token", () => {
    const query = new URLSearchParams(projectListApiQuery({ org: "o", owners: "user_a,user_b" }, 100, "tok"));
    expect(Object.fromEntries(query)).toEqual({ orgIds: "o", userIds: "user_a,user_b", limit: "100", page: "tok" });
    expect(new URLSearchParams(projectListApiQuery({}, 20)).has("page")).toBe(false);
  });

  test("give the page's own query string in a stable order", () => {
    expect(projectFiltersQueryString({ updatedTo: "u", org: "o" })).toBe("org=o&updatedTo=u");
  });
});
