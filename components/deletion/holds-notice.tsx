import { Notice } from "@/components/ui/notice";
import type { HoldRef } from "@/lib/schemas/legal-holds";

/** Why nothing may be deleted: the active holds that cover the object, by matter. */
export function HoldsNotice({ holds, message }: { holds: HoldRef[]; message?: string }) {
  return (
    <Notice tone="warning">
      <p className="font-semibold">Under legal hold: this cannot be deleted.</p>
      {message && <p className="mt-1">{message}</p>}
      {holds.length > 0 && (
        <ul className="mt-1 list-disc pl-5" aria-label="Legal holds covering it">
          {holds.map((hold) => (
            <li key={hold.id}>
              Matter <span className="font-semibold">{hold.matterName}</span> <span className="font-mono text-xs text-amber-800">({hold.id})</span>
            </li>
          ))}
        </ul>
      )}
      <p className="mt-1 text-xs">An administrator must release the hold, with a reason, before anything it covers may be deleted.</p>
    </Notice>
  );
}
