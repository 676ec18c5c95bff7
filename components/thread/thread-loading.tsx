/** What the thread shows while its messages are on their way, taking the room they will take so that nothing below moves. */
export function ThreadLoading() {
  return <p className="min-h-0 flex-1 text-sm text-slate-500">Loading the thread…</p>;
}
