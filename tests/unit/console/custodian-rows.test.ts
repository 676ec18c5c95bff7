import { describe, expect, test } from "vitest";
import { filterCustodians, sortCustodians, type Custodian } from "@/lib/console/custodian-rows";

const custodian = (id: string, fullName: string | null, email: string | null, organizationRole: string | null): Custodian => ({
  id,
  fullName,
  email,
  organizationRole,
  createdAt: null,
});

const ada = custodian("user_a", "Ada Lovelace", "ada@example.com", "user");
const bob = custodian("user_b", "bob Babbage", "bob@example.com", "admin");
const anonymous = custodian("user_c", null, null, null);

describe("filterCustodians", () => {
  test("matches part of a name or an email, ignoring case", () => {
    expect(filterCustodians([ada, bob, anonymous], "LOVE")).toEqual([ada]);
    expect(filterCustodians([ada, bob, anonymous], "bob@exa")).toEqual([bob]);
  });

  test("keeps every custodian for blank text", () => {
    expect(filterCustodians([ada, bob, anonymous], "  ")).toEqual([ada, bob, anonymous]);
  });
});

describe("sortCustodians", () => {
  test("sorts by name without regard to case, both ways, with missing names last", () => {
    expect(sortCustodians([anonymous, bob, ada], "name", "ascending")).toEqual([ada, bob, anonymous]);
    expect(sortCustodians([anonymous, ada, bob], "name", "descending")).toEqual([bob, ada, anonymous]);
  });

  test("sorts by role and leaves the input untouched", () => {
    const input = [ada, bob];
    expect(sortCustodians(input, "role", "ascending")).toEqual([bob, ada]);
    expect(input).toEqual([ada, bob]);
  });
});
