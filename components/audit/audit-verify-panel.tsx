"use client";

import { useMutation } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { verifyAuditLog } from "@/lib/queries/audit-queries";
import type { AuditVerifyReport } from "@/lib/schemas/audit-event";
import { ErrorNotice } from "@/components/ui/error-notice";
import { useIsHydrated } from "@/components/layout/hydration";

function Verdict({ report }: { report: AuditVerifyReport }) {
  if (report.ok) {
    return (
      <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
        Chain intact: {report.rowsChecked.toLocaleString()} events checked
        {report.head ? `, head #${report.head.seq} (${report.head.rowHash.slice(0, 16)}…)` : ""}
        {report.checkpoint ? `; the signed checkpoint at #${report.checkpoint.seq} matches.` : "; no signed checkpoint yet."}
      </p>
    );
  }
  const broken = report.firstBreak;
  return (
    <Notice tone="error">
      <p className="font-semibold">The audit chain is broken.</p>
      {broken && (
        <p className="mt-1">
          First broken link at event #{broken.seq} ({broken.kind.replace("_", " ")}): expected <code className="break-all">{broken.expected}</code>, found{" "}
          <code className="break-all">{broken.found}</code>.
        </p>
      )}
      {report.checkpoint && report.checkpoint.status !== "matches" && (
        <p className="mt-1">
          Signed checkpoint: {report.checkpoint.status.replace("_", " ")} (expected head #{report.checkpoint.seq}, {report.checkpoint.rowHash.slice(0, 16)}…;
          found {report.head ? `#${report.head.seq}` : "no events"}).
        </p>
      )}
    </Notice>
  );
}

export function AuditVerifyPanel() {
  const verify = useMutation({ mutationFn: verifyAuditLog });
  const isHydrated = useIsHydrated();
  return (
    <section aria-labelledby="verify" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex items-center justify-between gap-4">
        <div>
          <h2 id="verify" className="font-semibold">
            Verify the chain
          </h2>
          <p className="text-sm text-slate-600">Recomputes every event&apos;s hash and checks it against the signed checkpoint kept outside the database.</p>
        </div>
        <Button onClick={() => verify.mutate()} disabled={verify.isPending || !isHydrated} variant="primary" className="shrink-0">
          {verify.isPending ? "Verifying…" : "Verify now"}
        </Button>
      </div>
      <div className="mt-3">
        {verify.data && <Verdict report={verify.data} />}
        {verify.error && <ErrorNotice error={verify.error} />}
      </div>
    </section>
  );
}
