import type { CustodianPage } from "@/lib/schemas/console";

export type Custodian = CustodianPage["users"][number];
export type CustodianSortKey = "name" | "email" | "role";
export type SortDirection = "ascending" | "descending";

const SORT_VALUE: Record<CustodianSortKey, (custodian: Custodian) => string | null> = {
  name: (custodian) => custodian.fullName,
  email: (custodian) => custodian.email,
  role: (custodian) => custodian.organizationRole,
};

/** The loaded custodians whose name or email contains the text, ignoring case. */
export function filterCustodians(custodians: Custodian[], text: string): Custodian[] {
  const needle = text.trim().toLowerCase();
  if (!needle) return custodians;
  return custodians.filter((custodian) => [custodian.fullName, custodian.email].some((value) => value?.toLowerCase().includes(needle)));
}

/** A sorted copy; custodians missing the value go last in either direction, so gaps never hide data at the top. */
export function sortCustodians(custodians: Custodian[], key: CustodianSortKey, direction: SortDirection): Custodian[] {
  const sign = direction === "ascending" ? 1 : -1;
  return [...custodians].sort((a, b) => {
    const left = SORT_VALUE[key](a);
    const right = SORT_VALUE[key](b);
    if (left === right) return a.id.localeCompare(b.id);
    if (left === null) return 1;
    if (right === null) return -1;
    return sign * left.localeCompare(right, undefined, { sensitivity: "base" }) || a.id.localeCompare(b.id);
  });
}
