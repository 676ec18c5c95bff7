import { ACTIVITY_TYPE_NAMES } from "@/lib/reference/activity-type-names";
import { ACTIVITY_FAMILIES, familyOf, type ActivityFamily } from "./activity-families";

/**
 * The documented types of each family, in the reference's order: for the server (a family filter
 * becomes its types) and the filter form, which the server renders. Client components use familyOf.
 */
export const TYPES_BY_FAMILY: Readonly<Record<ActivityFamily, readonly string[]>> = (() => {
  const byFamily = Object.fromEntries(ACTIVITY_FAMILIES.map((family) => [family, [] as string[]])) as Record<ActivityFamily, string[]>;
  for (const type of ACTIVITY_TYPE_NAMES) byFamily[familyOf(type)].push(type);
  return byFamily;
})();

export const DOCUMENTED_TYPE_COUNT = ACTIVITY_TYPE_NAMES.length;
