import type { Metadata } from "next";
import { headers } from "next/headers";
import { setTimeout as delay } from "node:timers/promises";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { ApiLimitsNote } from "@/components/console/api-limits-note";
import { formatFirstScreen } from "@/components/thread/format-first-screen";
import { ThreadLoading } from "@/components/thread/thread-loading";
import { ThreadView } from "@/components/thread/thread-view";
import { Page } from "@/components/ui/page";
import { requirePageAccess } from "@/lib/server/auth/guard";
import { isId } from "@/lib/server/compliance/ids";
import { isRfc3339 } from "@/lib/server/compliance/query-params";
import { readThreadOpening } from "@/lib/server/console/read-thread-opening";
import { requestMetadata } from "@/lib/server/http/request-metadata";
import { threadHref } from "@/lib/thread/thread-href";
import type { ServedOpening } from "@/lib/thread/served-thread-page";

export const metadata: Metadata = { title: "Chat thread" };
export const dynamic = "force-dynamic";

/**
 * How long the page's shell may wait for the opening page. React reveals streamed content no sooner
 * than 300 ms after the shell was painted, so an answer ready at once shows sooner sent with the shell
 * than streamed after it (bench B3); a slow upstream holds the shell back no longer than this.
 */
const SHELL_WAITS_FOR_MESSAGES_MS = 100;

const nonBlank = (value: string | string[] | undefined) => (typeof value === "string" && value !== "" ? value : undefined);

export default async function ChatThreadPage({
  params,
  searchParams,
}: {
  params: Promise<{ chatId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { chatId } = await params;
  const search = await searchParams;
  const messageId = nonBlank(search.message);
  const at = nonBlank(search.at);
  const actor = await requirePageAccess("content.read", threadHref(chatId, { messageId, at }));
  if (!isId("chat", chatId)) notFound();
  // The same check as the messages route's `from`: a time it would refuse is never sent.
  const openAt = at !== undefined && isRfc3339(at) ? at : undefined;
  const opening: ServedOpening = openAt ? { kind: "at", at: openAt } : { kind: "start" };
  const firstPage = readThreadOpening({ actor, metadata: requestMetadata(await headers()) }, chatId, opening).then(formatFirstScreen);
  // Past the wait, the shell and scripts go out while the Compliance API answers, and the messages
  // follow in the same response (the view waits for them under the Suspense boundary).
  const readInTime = await Promise.race([firstPage, delay(SHELL_WAITS_FOR_MESSAGES_MS, null)]);
  return (
    <Page className="flex h-[calc(100dvh-3.5rem)] flex-col py-4">
      <Suspense fallback={<ThreadLoading />}>
        <ThreadView
          key={chatId}
          chatId={chatId}
          opening={opening}
          firstPage={readInTime ?? firstPage}
          initialMessageId={messageId}
          ignoredAt={openAt === undefined ? at : undefined}
          canExport={actor.permissions.has("content.export")}
        />
      </Suspense>
      <ApiLimitsNote />
    </Page>
  );
}
