import type { Ref } from "react";
import { Button } from "./button";

/** The end of a list that has more to load: one button, which says when it is loading. */
export function LoadMore({
  label,
  isLoading,
  onLoad,
  sentinelRef,
}: {
  label: string;
  isLoading: boolean;
  onLoad: () => void;
  sentinelRef?: Ref<HTMLDivElement>;
}) {
  return (
    <div ref={sentinelRef} className="border-t border-slate-100 p-3 text-center">
      <Button variant="link" onClick={onLoad} disabled={isLoading}>
        {isLoading ? "Loading…" : label}
      </Button>
    </div>
  );
}
