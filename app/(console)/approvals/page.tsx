import type { Metadata } from "next";
import { ApprovalsQueue } from "@/components/deletion/approvals-queue";
import { Page } from "@/components/ui/page";
import { PageHeading } from "@/components/ui/page-heading";
import { requirePageAccess } from "@/lib/server/auth/guard";

export const metadata: Metadata = { title: "Deletion approvals" };
export const dynamic = "force-dynamic";

/** Approvers decide other people's deletion requests here; anyone who may request one follows their own. */
export default async function ApprovalsPage() {
  const actor = await requirePageAccess("deletion.request", "/approvals");
  const canApprove = actor.permissions.has("deletion.approve");
  return (
    <Page>
      <PageHeading
        title={canApprove ? "Deletion approvals" : "Your deletion requests"}
        description={
          canApprove
            ? "Every deletion needs a second person: approve or reject other people's requests, with a comment. Approving deletes at once, permanently; nobody may approve their own request."
            : "Your deletion requests wait here for a person with the approver role. You may cancel one until it is decided."
        }
      />
      <div className="mt-6">
        <ApprovalsQueue canApprove={canApprove} />
      </div>
    </Page>
  );
}
