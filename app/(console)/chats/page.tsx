import type { Metadata } from "next";
import { ApiLimitsNote } from "@/components/console/api-limits-note";
import { ChatFilterForm } from "@/components/console/chat-filter-form";
import { ChatsTable } from "@/components/console/chats-table";
import { Page } from "@/components/ui/page";
import { PageHeading } from "@/components/ui/page-heading";
import { chatFiltersQueryString, parseChatFilters, selectedUserIds } from "@/lib/console/chat-filters";
import { requirePageAccess } from "@/lib/server/auth/guard";

export const metadata: Metadata = { title: "Chats" };
export const dynamic = "force-dynamic";

export default async function ChatsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageAccess("content.read", "/chats");
  const filters = parseChatFilters(await searchParams);
  const userCount = selectedUserIds(filters).length;
  const filterKey = chatFiltersQueryString(filters);
  return (
    <Page>
      <PageHeading
        title="Chats"
        description={`${userCount > 0 ? `Chats of ${userCount} selected ${userCount === 1 ? "user" : "users"}.` : filters.org ? "Every chat of the organisation." : "Every chat the Compliance API key can see."} Each filter is in the address, so a link reproduces this view.`}
      />
      <ChatFilterForm key={`form-${filterKey}`} initial={filters} />
      <ChatsTable key={filterKey} filters={filters} />
      <ApiLimitsNote />
    </Page>
  );
}
