/** A timestamp as reviewers quote it: UTC, to the second. */
export function formatUtc(timestamp: string | null): string {
  if (!timestamp) return "—";
  const date = new Date(timestamp);
  return Number.isNaN(date.getTime()) ? timestamp : `${date.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}
