import { Button } from "@/components/ui/button";
import type { ThreadSearch } from "./use-thread-search";

/** The search field, which the / key focuses. */
export const THREAD_SEARCH_INPUT_ID = "thread-search";

type ThreadToolbarProps = { search: ThreadSearch; onJumpToFirst: () => void; onJumpToLast: () => void; onShowShortcuts: () => void };

/** Search in the loaded messages (Enter: next, Shift+Enter: previous), the jumps to either end, and the keyboard shortcuts. */
export function ThreadToolbar({ search, onJumpToFirst, onJumpToLast, onShowShortcuts }: ThreadToolbarProps) {
  const { term, matchCount, position } = search;
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm">
      <form role="search" onSubmit={search.submit} className="flex items-center gap-2">
        <label htmlFor={THREAD_SEARCH_INPUT_ID} className="text-xs font-semibold text-slate-600">
          Search loaded messages
        </label>
        <input
          id={THREAD_SEARCH_INPUT_ID}
          name="term"
          type="search"
          onChange={(event) => {
            if (event.currentTarget.value.trim() === "") search.clear();
          }}
          onKeyDown={(event) => {
            if (event.key === "Enter" && event.shiftKey) {
              event.preventDefault();
              search.step(-1);
            }
          }}
          className="rounded border border-slate-300 px-2 py-1 text-sm"
        />
        <Button type="submit">Find</Button>
        <Button onClick={() => search.step(-1)} disabled={matchCount === 0}>
          Previous
        </Button>
        <Button onClick={() => search.step(1)} disabled={matchCount === 0}>
          Next
        </Button>
        <span role="status" className="text-xs text-slate-600">
          {term === ""
            ? ""
            : matchCount === 0
              ? "No match in the loaded messages"
              : position === -1
                ? `${matchCount} in the loaded messages`
                : `${position + 1} of ${matchCount}`}
        </span>
      </form>
      <div className="ml-auto flex gap-2">
        <Button onClick={onJumpToFirst}>Jump to first</Button>
        <Button onClick={onJumpToLast}>Jump to last</Button>
        <Button variant="quiet" onClick={onShowShortcuts} aria-keyshortcuts="?">
          Shortcuts
        </Button>
      </div>
    </div>
  );
}
