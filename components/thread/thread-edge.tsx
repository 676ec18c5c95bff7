import { Button } from "@/components/ui/button";
/** Room kept above and below the rows for an edge's line, so the reviewer can always scroll to it. */
export const THREAD_EDGE_HEIGHT = 48;

const COPY = {
  start: { loading: "Loading earlier messages…", load: "Load earlier messages", boundary: "Start of the transcript" },
  end: { loading: "Loading more messages…", load: "Load later messages", boundary: "End of the transcript" },
} as const;

type ThreadEdgeProps = {
  side: "start" | "end";
  isFetching: boolean;
  canLoad: boolean;
  /** Another page is being fetched: starting this one would cancel it. */
  isBusy: boolean;
  isBoundary: boolean;
  onLoad: () => void;
};

/**
 * One edge of the loaded messages: being fetched, more to load (a button, for keyboards and for when
 * there is nothing to scroll), or the transcript's own start or end (a chat's or a session's). Silent when the thread cannot tell.
 */
export function ThreadEdge({ side, isFetching, canLoad, isBusy, isBoundary, onLoad }: ThreadEdgeProps) {
  const copy = COPY[side];
  return (
    <div
      className={`absolute left-0 flex w-full items-center justify-center text-xs text-slate-500 ${side === "start" ? "top-0" : "bottom-0"}`}
      style={{ height: THREAD_EDGE_HEIGHT }}
    >
      {isFetching ? (
        <span>{copy.loading}</span>
      ) : canLoad ? (
        <Button onClick={onLoad} disabled={isBusy}>
          {copy.load}
        </Button>
      ) : isBoundary ? (
        <span>{copy.boundary}</span>
      ) : null}
    </div>
  );
}
