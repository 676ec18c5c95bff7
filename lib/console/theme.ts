/** The console's colour scheme: the system's unless the reviewer chose, kept in a cookie of this browser. */
export const THEME_COOKIE = "docket-theme";
export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

export function themeOf(value: string | undefined): Theme {
  return THEMES.find((theme) => theme === value) ?? "system";
}
