import type { Metadata } from "next";
import type { ReactNode } from "react";
import { QueryProvider } from "@/components/providers/query-provider";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Docket", template: "%s · Docket" },
  description: "Review, preserve and delete Claude Enterprise content through Anthropic's Compliance API.",
  robots: { index: false, follow: false },
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        {/* One query cache for the whole app, so what a page read survives navigating away and back. */}
        <QueryProvider>{children}</QueryProvider>
      </body>
    </html>
  );
}
