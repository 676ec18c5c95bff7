import type { ReactNode } from "react";

/**
 * A page's main region, the target of the header's skip link. `className` replaces the default
 * spacing where a page needs its own (the thread fills the window's height).
 */
export function Page({ className, children }: { className?: string; children: ReactNode }) {
  return (
    <main id="main" tabIndex={-1} className={`mx-auto max-w-6xl px-6 outline-none ${className ?? "py-8"}`}>
      {children}
    </main>
  );
}
