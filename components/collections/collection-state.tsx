import type { CollectionDto, CollectionState } from "@/lib/schemas/collections";

const STATES: Record<CollectionState, { label: string; tone: string }> = {
  queued: { label: "Queued", tone: "bg-slate-200 text-slate-800" },
  running: { label: "Running", tone: "bg-sky-100 text-sky-900" },
  paused: { label: "Paused", tone: "bg-amber-100 text-amber-900" },
  succeeded: { label: "Complete", tone: "bg-emerald-100 text-emerald-900" },
  failed: { label: "Failed", tone: "bg-rose-100 text-rose-900" },
  cancelled: { label: "Cancelled", tone: "bg-slate-200 text-slate-800" },
};

export function CollectionStateBadge({ state }: { state: CollectionState }) {
  return <span className={`rounded px-2 py-0.5 text-xs font-semibold ${STATES[state].tone}`}>{STATES[state].label}</span>;
}

/** "about 4 min left", from the worker's share of the budget; nothing while unknown. */
function timeLeft(seconds: number | null): string | null {
  if (seconds === null) return null;
  if (seconds < 60) return "less than a minute left";
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return `about ${minutes} min left`;
  return `about ${Math.round(minutes / 60)} h left`;
}

/**
 * How far a collection has come. Until every list has been walked the number of items still grows,
 * so the bar says so rather than promise a proportion it cannot know.
 */
export function CollectionProgressBar({ collection }: { collection: CollectionDto }) {
  const { itemsDone, itemsKnown, listsWalked, secondsLeft } = collection.progress;
  const complete = collection.state === "succeeded";
  const percent = complete ? 100 : itemsKnown === 0 ? 0 : Math.floor((itemsDone / itemsKnown) * 100);
  const words = `${itemsDone.toLocaleString("en-GB")} of ${itemsKnown.toLocaleString("en-GB")} items${listsWalked || complete ? "" : ", still listing"}`;
  const left = timeLeft(secondsLeft);
  return (
    <div className="min-w-40">
      <div
        role="progressbar"
        aria-label={`Progress of ${collection.matter}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={words}
        className="h-2 w-full overflow-hidden rounded bg-slate-200"
      >
        <div
          className={`h-full ${collection.state === "failed" ? "bg-rose-600" : complete ? "bg-emerald-600" : "bg-sky-600"} transition-[width]`}
          style={{ width: `${percent}%` }}
        />
      </div>
      <p className="mt-1 text-xs text-slate-600">
        {words}
        {left && ` · ${left}`}
      </p>
    </div>
  );
}
