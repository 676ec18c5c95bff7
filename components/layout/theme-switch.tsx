"use client";

import { useState } from "react";
import { THEME_COOKIE, THEMES, themeOf, type Theme } from "@/lib/console/theme";

const LABELS: Record<Theme, string> = { system: "System", light: "Light", dark: "Dark" };

/**
 * Light, dark, or as the system says. The class on <html> switches the palette at once
 * (app/globals.css); the cookie lets the server render the next page in it, with no flash.
 */
export function ThemeSwitch({ initialTheme }: { initialTheme: Theme }) {
  const [theme, setTheme] = useState(initialTheme);
  const choose = (value: string) => {
    const next = themeOf(value);
    setTheme(next);
    document.documentElement.classList.remove("light", "dark");
    if (next !== "system") document.documentElement.classList.add(next);
    document.cookie = `${THEME_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
  };
  return (
    <label className="flex items-center gap-1 text-xs text-slate-600">
      Theme
      <select
        value={theme}
        onChange={(event) => choose(event.target.value)}
        className="rounded border border-slate-300 bg-white px-1 py-0.5 text-xs text-slate-900"
      >
        {THEMES.map((value) => (
          <option key={value} value={value}>
            {LABELS[value]}
          </option>
        ))}
      </select>
    </label>
  );
}
