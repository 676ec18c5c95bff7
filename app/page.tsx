import { SystemStatusPanel } from "@/components/system/system-status-panel";
import { checkSystemStatus } from "@/lib/server/system-status";

// Status is read at request time: it describes this server's connections now, not at build time.
export const dynamic = "force-dynamic";

export default async function HomePage() {
  const status = await checkSystemStatus();
  return (
    <main className="mx-auto max-w-3xl px-6 py-16">
      <h1 className="text-3xl font-semibold tracking-tight">Docket</h1>
      <p className="mt-3 text-slate-600">
        A review console for the legal and compliance teams of a Claude Enterprise organisation: browse custodians, chats, files,
        artifacts and projects through Anthropic&apos;s Compliance API, export evidence, and delete content when the law requires it, with
        every act recorded in an audit log.
      </p>
      <SystemStatusPanel status={status} />
      <p className="mt-8 text-sm text-slate-500">
        Sign-in with your organisation&apos;s SSO comes next; until then no content is shown here.
      </p>
    </main>
  );
}
