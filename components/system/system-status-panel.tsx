import type { ServiceState, SystemStatus } from "@/lib/schemas/system-status";

const STATE_STYLES: Record<ServiceState["state"], string> = {
  ok: "bg-emerald-100 text-emerald-800",
  degraded: "bg-amber-100 text-amber-800",
  down: "bg-rose-100 text-rose-800",
};

function ServiceRow({ name, service }: { name: string; service: ServiceState }) {
  return (
    <div className="flex items-start justify-between gap-4 py-3">
      <dt className="font-medium">{name}</dt>
      <dd className="text-right">
        <span className={`rounded px-2 py-0.5 text-xs font-semibold uppercase ${STATE_STYLES[service.state]}`}>{service.state}</span>
        <p className="mt-1 text-sm text-slate-600">{service.detail}</p>
      </dd>
    </div>
  );
}

export function SystemStatusPanel({ status }: { status: SystemStatus }) {
  return (
    <section aria-labelledby="system-status" className="mt-10 rounded-lg border border-slate-200 bg-white px-5 py-4 shadow-sm">
      <h2 id="system-status" className="text-sm font-semibold uppercase tracking-wide text-slate-500">
        System status
      </h2>
      <dl className="divide-y divide-slate-100">
        <ServiceRow name="Audit database" service={status.database} />
        <ServiceRow name="Compliance API" service={status.complianceApi} />
        <ServiceRow name="Deletion worker" service={status.deletionWorker} />
      </dl>
    </section>
  );
}
