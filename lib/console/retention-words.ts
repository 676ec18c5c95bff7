/**
 * The organisation's retention periods in words. The settings' `data_retention_periods` row maps a
 * data type (or `all`) to `{ type: "fixed", duration, timescale: "day" | "month" }` or
 * `{ type: "indefinite" }`; no row means the organisation's admins control none. Client-safe.
 */
export interface RetentionRule {
  /** The data type the period covers: "chat", "project", "all", or a type the API added since. */
  dataType: string;
  words: string;
  /** True when content is deleted after a period: the reviewer must collect before it ends. */
  deletes: boolean;
}

const DATA_TYPE_NAMES: Record<string, string> = { all: "all content", chat: "chats", project: "projects" };

export function retentionRules(settings: ReadonlyArray<{ name: string; value: unknown }>): RetentionRule[] | null {
  const row = settings.find((setting) => setting.name === "data_retention_periods");
  if (!row || typeof row.value !== "object" || row.value === null) return null;
  return Object.entries(row.value as Record<string, unknown>).map(([dataType, period]) => ruleOf(dataType, period));
}

/** The rule that applies to one kind of content: its own, or the one for all content. */
export function retentionFor(rules: readonly RetentionRule[] | null, dataType: "chat" | "project"): RetentionRule | null {
  return rules?.find((rule) => rule.dataType === dataType) ?? rules?.find((rule) => rule.dataType === "all") ?? null;
}

function ruleOf(dataType: string, period: unknown): RetentionRule {
  const what = DATA_TYPE_NAMES[dataType] ?? `content of type "${dataType}"`;
  const value = typeof period === "object" && period !== null ? (period as Record<string, unknown>) : {};
  if (value.type === "indefinite") return { dataType, words: `The organisation keeps ${what} indefinitely.`, deletes: false };
  if (value.type === "fixed" && typeof value.duration === "number" && (value.timescale === "day" || value.timescale === "month")) {
    const unit = `${value.timescale}${value.duration === 1 ? "" : "s"}`;
    return {
      dataType,
      words: `The organisation's retention deletes ${what} older than ${value.duration} ${unit}: collect what you need before then.`,
      deletes: true,
    };
  }
  return { dataType, words: `The organisation sets a retention period for ${what} that Docket cannot read: ${JSON.stringify(period)}.`, deletes: false };
}
