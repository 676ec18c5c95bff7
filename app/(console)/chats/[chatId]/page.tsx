import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AppHeader } from "@/components/layout/app-header";
import { QueryProvider } from "@/components/providers/query-provider";
import { ThreadView } from "@/components/thread/thread-view";
import { requirePageAccess } from "@/lib/server/auth/guard";
import { isId } from "@/lib/server/compliance/ids";

export const metadata: Metadata = { title: "Chat thread" };
export const dynamic = "force-dynamic";

export default async function ChatThreadPage({
  params,
  searchParams,
}: {
  params: Promise<{ chatId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { chatId } = await params;
  const { message } = await searchParams;
  const messageId = typeof message === "string" && message !== "" ? message : undefined;
  const path = `/chats/${encodeURIComponent(chatId)}`;
  const actor = await requirePageAccess("content.read", messageId ? `${path}?message=${encodeURIComponent(messageId)}` : path);
  if (!isId("chat", chatId)) notFound();
  return (
    <QueryProvider>
      <AppHeader email={actor.email ?? actor.subject} roles={actor.roles} canReadAudit={actor.permissions.has("audit.read")} canReadContent />
      <main className="mx-auto flex h-[calc(100dvh-3.5rem)] max-w-6xl flex-col px-6 py-4">
        <ThreadView key={chatId} chatId={chatId} initialMessageId={messageId} />
      </main>
    </QueryProvider>
  );
}
