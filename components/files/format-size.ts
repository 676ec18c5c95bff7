const UNITS = ["KiB", "MiB", "GiB", "TiB"];

/** A size as reviewers quote it: exact bytes, with a readable unit beside them when large. */
export function formatSize(bytes: number | null): string {
  if (bytes === null) return "—";
  const exact = `${bytes.toLocaleString("en-GB")} bytes`;
  if (bytes < 1024) return exact;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${UNITS[unit]} (${exact})`;
}
