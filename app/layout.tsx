import type { Metadata } from "next";
import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { QueryProvider } from "@/components/providers/query-provider";
import { THEME_COOKIE, themeOf } from "@/lib/console/theme";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Docket", template: "%s · Docket" },
  description: "Review, preserve and delete Claude Enterprise content through Anthropic's Compliance API.",
  robots: { index: false, follow: false },
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // A chosen theme is rendered from the first byte; "system" leaves it to the browser's media query.
  const theme = themeOf((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <html lang="en" className={theme === "system" ? undefined : theme}>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        {/* One query cache for the whole app, so what a page read survives navigating away and back. */}
        <QueryProvider>{children}</QueryProvider>
      </body>
    </html>
  );
}
