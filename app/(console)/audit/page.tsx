import type { Metadata } from "next";
import { AuditLogTable } from "@/components/audit/audit-log-table";
import { AuditVerifyPanel } from "@/components/audit/audit-verify-panel";
import { Button } from "@/components/ui/button";
import { DateTimeField } from "@/components/ui/date-time-field";
import { Page } from "@/components/ui/page";
import { auditQueryString, type AuditSearchParams } from "@/lib/schemas/audit-search";
import { requirePageAccess } from "@/lib/server/auth/guard";

export const metadata: Metadata = { title: "Audit log" };
export const dynamic = "force-dynamic";

const TEXT_FIELDS: Array<{ name: keyof AuditSearchParams; label: string; placeholder?: string }> = [
  { name: "actor", label: "Actor", placeholder: "email or subject" },
  { name: "action", label: "Action", placeholder: "e.g. chat.view,file.download" },
  { name: "targetType", label: "Target type" },
  { name: "targetId", label: "Target id" },
];
const TIME_FIELDS: Array<{ name: "from" | "to"; label: string }> = [
  { name: "from", label: "From" },
  { name: "to", label: "To" },
];
const FIELD_NAMES = [...TEXT_FIELDS, ...TIME_FIELDS].map((field) => field.name);

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageAccess("audit.read", "/audit");
  const raw = await searchParams;
  const filters: AuditSearchParams = Object.fromEntries(
    FIELD_NAMES.map((name) => [name, typeof raw[name] === "string" ? raw[name] : undefined]).filter(([, value]) => value),
  );
  const canExport = actor.permissions.has("audit.export");
  return (
    <Page>
      <h1 className="text-2xl font-semibold">Audit log</h1>
      <p className="mt-1 text-sm text-slate-600">
        Append-only and hash-chained: the database refuses changes, and each event&apos;s hash covers the one before it. Viewing, verifying and exporting this
        log are recorded here too.
      </p>
      <form method="get" className="mt-6 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-3">
        {TEXT_FIELDS.map((field) => (
          <label key={field.name} className="text-xs font-medium text-slate-600">
            {field.label}
            <input
              name={field.name}
              defaultValue={filters[field.name] ?? ""}
              placeholder={field.placeholder}
              className="mt-1 w-full rounded border border-slate-300 px-2 py-1 text-sm text-slate-900"
            />
          </label>
        ))}
        {TIME_FIELDS.map((field) => (
          <DateTimeField key={field.name} name={field.name} label={field.label} defaultValue={filters[field.name]} />
        ))}
        <div className="flex items-end gap-3 md:col-span-3">
          <Button type="submit" variant="primary">
            Filter
          </Button>
          {canExport && (
            <>
              <a href={`/api/audit/export?${auditQueryString(filters, { format: "csv" })}`} className="text-sm font-semibold underline">
                Export CSV
              </a>
              <a href={`/api/audit/export?${auditQueryString(filters, { format: "jsonl" })}`} className="text-sm font-semibold underline">
                Export JSON Lines
              </a>
              <a href="/api/audit/checkpoint" className="text-sm font-semibold underline">
                Signed checkpoint
              </a>
            </>
          )}
        </div>
      </form>
      {actor.permissions.has("audit.verify") && <AuditVerifyPanel />}
      <AuditLogTable key={auditQueryString(filters)} filters={filters} />
    </Page>
  );
}
