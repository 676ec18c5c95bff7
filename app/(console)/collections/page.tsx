import type { Metadata } from "next";
import Link from "next/link";
import { CollectionList } from "@/components/collections/collection-list";
import { buttonClasses } from "@/components/ui/button";
import { Page } from "@/components/ui/page";
import { PageHeading } from "@/components/ui/page-heading";
import { requirePageAccess } from "@/lib/server/auth/guard";

export const metadata: Metadata = { title: "Collections" };
export const dynamic = "force-dynamic";

/** The matters' collections: what the worker is gathering, and the packages ready to hand over. */
export default async function CollectionsPage() {
  await requirePageAccess("content.export", "/collections");
  return (
    <Page className="space-y-6 py-8">
      <PageHeading
        title="Collections"
        description="A collection gathers a matter's content (custodians, organisations or projects, over a period) into Docket's evidence store in the background, within the Compliance API's budget, and gives one signed package to hand over."
        actions={
          <Link href="/collections/new" className={buttonClasses("primary")}>
            New collection
          </Link>
        }
      />
      <CollectionList />
    </Page>
  );
}
