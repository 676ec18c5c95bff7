/**
 * One row of the benchmark table: a figure for Docket, the same figure for the baseline measured in
 * the same run, how the two compare, and the target. The comparison is what carries between machines;
 * the absolute figures do not.
 */
export interface Figure {
  /** B1…B5. */
  benchmark: string;
  /** What was measured, e.g. "chats list c=16 req/s". */
  name: string;
  docket: number | null;
  baseline: number | null;
  unit: string;
  /** "ratio" (docket / baseline) or "difference" (docket − baseline), or "none" for a figure with no baseline. */
  compare: "ratio" | "difference" | "none";
  /** The target in words, e.g. "≥ 0.7"; "" when none is set. */
  target: string;
  /** Whether the target is met; null when there is no target or nothing to judge. */
  meets: boolean | null;
}

export interface ScenarioReport {
  benchmark: string;
  title: string;
  /** Load averages when the scenario started: the machine is shared, so figures are noisy. */
  loadAverage: [number, number, number];
  seconds: number;
  figures: Figure[];
  /** Everything else the scenario measured, kept in the JSON for later comparison. */
  details: unknown;
  /** Set when the scenario could not run to the end. */
  error?: string;
}

/** Makes one benchmark's figures, its arguments in the table's order. */
export const figureMaker =
  (benchmark: string) =>
  (
    name: string,
    docket: number | null,
    baseline: number | null,
    unit: string,
    compare: Figure["compare"],
    target = "",
    meets: boolean | null = null,
  ): Figure => ({
    benchmark,
    name,
    docket,
    baseline,
    unit,
    compare,
    target,
    meets,
  });

const format = (value: number | null, unit: string): string => {
  if (value === null || Number.isNaN(value)) return "–";
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toFixed(digits)}${unit ? ` ${unit}` : ""}`;
};

export function comparison(figure: Figure): string {
  if (figure.compare === "none" || figure.docket === null || figure.baseline === null) return "";
  if (figure.compare === "ratio") return figure.baseline === 0 ? "" : `×${(figure.docket / figure.baseline).toFixed(2)}`;
  const difference = figure.docket - figure.baseline;
  return `${difference >= 0 ? "+" : ""}${format(difference, figure.unit)}`;
}

const verdict = (meets: boolean | null) => (meets === null ? "" : meets ? "meets" : "MISSES");

/** The run's figures as one aligned text table. */
export function formatTable(reports: readonly ScenarioReport[]): string {
  const header = ["#", "figure", "Docket", "baseline", "Docket vs baseline", "target", "verdict"];
  const rows = reports.flatMap((report) =>
    report.error
      ? [[report.benchmark, `${report.title}: FAILED (${report.error})`, "", "", "", "", ""]]
      : report.figures.map((figure) => [
          figure.benchmark,
          figure.name,
          format(figure.docket, figure.unit),
          format(figure.baseline, figure.unit),
          comparison(figure),
          figure.target,
          verdict(figure.meets),
        ]),
  );
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...rows.map(line)].join("\n");
}
