import Link from "next/link";
import type { ReactNode } from "react";
import { REVIEW_SECTIONS } from "@/components/layout/app-header";
import { DocketKeyCard } from "@/components/directory/docket-key-card";
import { SystemStatusPanel } from "@/components/system/system-status-panel";
import { Notice } from "@/components/ui/notice";
import { Page } from "@/components/ui/page";
import { requirePageAccess } from "@/lib/server/auth/guard";
import { foreignCallsSince } from "@/lib/server/api-usage/api-usage-report";
import { getDb } from "@/lib/server/db";
import { checkSystemStatus } from "@/lib/server/system-status";

const thirtyDaysAgo = () => new Date(Date.now() - 30 * 86_400_000);

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const actor = await requirePageAccess("signed_in", "/");
  const status = await checkSystemStatus();
  const foreignCalls = actor.permissions.has("audit.read") || actor.permissions.has("activity.read") ? await foreignCallsSince(getDb(), thirtyDaysAgo()) : 0;
  const can = (permission: Parameters<typeof actor.permissions.has>[0]) => actor.permissions.has(permission);
  return (
    <Page className="py-10">
      <h1 className="text-2xl font-semibold">Welcome, {actor.name ?? actor.email}</h1>
      {foreignCalls > 0 && (
        <Notice tone="error" label="Possible key leak" className="mt-4">
          In the last 30 days the Activity Feed shows {foreignCalls} Compliance API {foreignCalls === 1 ? "call" : "calls"} made with Docket&apos;s key by
          something other than Docket: unless another Docket shares the key, it has leaked and should be rotated.
          {can("audit.read") && (
            <>
              {" "}
              <Link href="/api-usage" className="font-semibold underline">
                See the calls
              </Link>
            </>
          )}
        </Notice>
      )}
      {status.complianceApi.reach === "activities_only" && (
        <Notice tone="warning" label="What Docket's key reads" className="mt-4">
          This Docket&apos;s Compliance API key reads only the Activity Feed, as an Admin API key does. The{" "}
          <Link href="/activity" className="font-semibold underline">
            Activity page
          </Link>{" "}
          works; chats, files, projects, sessions and the organisation&apos;s directory stay empty until an administrator configures a Compliance Access Key
          with the read:compliance_user_data and read:compliance_org_data scopes.
        </Notice>
      )}
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
        {can("content.read") && (
          <section aria-labelledby="docket-key" className="rounded-lg border border-slate-200 bg-white p-5">
            <h2 id="docket-key" className="mb-1 font-semibold">
              Docket&apos;s Compliance API key
            </h2>
            <DocketKeyCard />
          </section>
        )}
        {can("activity.read") && (
          <HomeSection id="activity" title="Activity" link={{ href: "/activity", label: "Open the Activity Feed" }}>
            What happened across the organisation, newest first: sign-ins, chats, files, projects, sessions, administration and every Compliance API call,
            charted over time, filtered by family, person, organisation and period, and downloadable as CSV or JSON Lines.
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
            Every sign-in, content view, download, export and deletion, chained by hash{can("audit.verify") ? "; verify and export it" : ""}. And{" "}
            <Link href="/api-usage" className="font-semibold text-slate-900 underline">
              Docket&apos;s API use
            </Link>
            : each call Docket made to the Compliance API, matched with the Activity Feed, and calls made with its key elsewhere.
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
