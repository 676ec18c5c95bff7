import Link from "next/link";
import type { ReactNode } from "react";
import { REVIEW_SECTIONS } from "@/components/layout/app-header";
import { SystemStatusPanel } from "@/components/system/system-status-panel";
import { Page } from "@/components/ui/page";
import { requirePageAccess } from "@/lib/server/auth/guard";
import { checkSystemStatus } from "@/lib/server/system-status";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const actor = await requirePageAccess("signed_in", "/");
  const status = await checkSystemStatus();
  const can = (permission: Parameters<typeof actor.permissions.has>[0]) => actor.permissions.has(permission);
  return (
    <Page className="py-10">
      <h1 className="text-2xl font-semibold">Welcome, {actor.name ?? actor.email}</h1>
      <div className="mt-6 grid gap-4 md:grid-cols-2">
        {can("content.read") && (
          <HomeSection id="review" title="Review">
            Your role lets you read custodians, chats, files and projects, export evidence and request deletions
            {can("deletion.approve") ? ", and approve other reviewers' deletion requests" : ""}.
            <span className="mt-3 flex gap-4">
              {REVIEW_SECTIONS.map((section) => (
                <Link key={section.href} href={section.href} className="font-semibold text-slate-900 underline">
                  {section.label}
                </Link>
              ))}
            </span>
          </HomeSection>
        )}
        {can("deletion.request") && (
          <HomeSection
            id="deletions"
            title="Deletions"
            link={can("deletion.approve") ? { href: "/approvals", label: "Open the approvals queue" } : { href: "/approvals", label: "Your deletion requests" }}
          >
            A deletion is requested with a reason and, unless this Docket is configured otherwise, approved by a second person; legal holds block it, and each
            step is audited before and after the call to the Compliance API.
          </HomeSection>
        )}
        {can("content.export") && (
          <HomeSection id="collections" title="Evidence" link={{ href: "/collections", label: "Open the collections" }}>
            Collect a matter&apos;s content (custodians, organisations or projects, over a period) in the background, and download it as a package whose hashes
            and signed manifest a recipient can check. A single chat exports from its page as Markdown or JSON.
          </HomeSection>
        )}
        {can("audit.read") && (
          <HomeSection id="audit" title="Audit log" link={{ href: "/audit", label: "Open the audit log" }}>
            Every sign-in, content view, download, export and deletion, chained by hash{can("audit.verify") ? "; verify and export it" : ""}.
          </HomeSection>
        )}
        {can("holds.manage") && (
          <HomeSection id="holds" title="Legal holds" link={{ href: "/legal-holds", label: "Manage legal holds" }}>
            Place a hold on custodians, projects or chats for a matter: nothing it covers can be deleted until it is released.
          </HomeSection>
        )}
        {can("people.manage") && (
          <HomeSection id="people" title="People" link={{ href: "/people", label: "Manage people's access" }}>
            See who has signed in and who has sessions; disable a leaver, whose access ends at their next request, or end someone&apos;s sessions.
          </HomeSection>
        )}
      </div>
      <SystemStatusPanel status={status} />
    </Page>
  );
}

function HomeSection({ id, title, link, children }: { id: string; title: string; link?: { href: string; label: string }; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id={id} className="font-semibold">
        {title}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{children}</p>
      {link && (
        <Link href={link.href} className="mt-3 inline-block text-sm font-semibold text-slate-900 underline">
          {link.label}
        </Link>
      )}
    </section>
  );
}
