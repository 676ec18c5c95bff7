"use client";

import { useSyncExternalStore, type ReactNode } from "react";

const noSubscription = () => () => {};

/** False while React renders on the server and hydrates the server's HTML; true from the browser's next render on. */
export function useIsHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

/**
 * Holds server-rendered controls that would otherwise look ready before they are: a click that lands
 * before React has hydrated them is lost. Until then a disabled fieldset disables every control inside
 * it (links still work, they need no script): the reviewer sees them greyed out for that moment, and an
 * automated click waits for them.
 */
export function ControlsOnceHydrated({ className, children }: { className: string; children: ReactNode }) {
  const isHydrated = useIsHydrated();
  return (
    <fieldset disabled={!isHydrated} className={`min-w-0 ${className}`}>
      {children}
    </fieldset>
  );
}
