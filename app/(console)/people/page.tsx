import type { Metadata } from "next";
import { EvidenceSection } from "@/components/layout/evidence-facts";
import { PeopleTable } from "@/components/people/people-table";
import { Page } from "@/components/ui/page";
import { PageHeading } from "@/components/ui/page-heading";
import { requirePageAccess } from "@/lib/server/auth/guard";

export const metadata: Metadata = { title: "People" };
export const dynamic = "force-dynamic";

/** Administrators see who has signed in and who has sessions, and can end someone's access at once. */
export default async function PeoplePage() {
  const actor = await requirePageAccess("people.manage", "/people");
  return (
    <Page className="space-y-8 py-8">
      <PageHeading
        title="People"
        description="Everyone who has signed in to Docket. Disabling a person ends their sessions now and refuses their next sign-in, whatever the identity provider says; their roles still come from its groups. Every change is audited with its reason."
      />
      <EvidenceSection title="People and sessions">
        <PeopleTable ownId={actor.userId} />
      </EvidenceSection>
    </Page>
  );
}
