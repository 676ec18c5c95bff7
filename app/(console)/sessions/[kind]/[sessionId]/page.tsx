import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ApiLimitsNote } from "@/components/console/api-limits-note";
import { SessionView } from "@/components/sessions/session-view";
import { sessionHref } from "@/lib/console/session-href";
import { Page } from "@/components/ui/page";
import { SessionKind } from "@/lib/schemas/sessions";
import { requirePageAccess } from "@/lib/server/auth/guard";
import { isId } from "@/lib/server/compliance/ids";

export const metadata: Metadata = { title: "Session transcript" };
export const dynamic = "force-dynamic";

export default async function SessionPage({
  params,
  searchParams,
}: {
  params: Promise<{ kind: string; sessionId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { kind: rawKind, sessionId } = await params;
  const { message } = await searchParams;
  const messageId = typeof message === "string" && message !== "" ? message : undefined;
  const kind = SessionKind.safeParse(rawKind);
  const actor = await requirePageAccess("content.read", kind.success ? sessionHref(kind.data, sessionId, messageId) : "/sessions");
  if (!kind.success || !isId(kind.data === "local" ? "localSession" : "remoteSession", sessionId)) notFound();
  return (
    <Page className="flex h-[calc(100dvh-3.5rem)] flex-col py-4">
      <SessionView key={sessionId} kind={kind.data} sessionId={sessionId} initialMessageId={messageId} canExport={actor.permissions.has("content.export")} />
      <ApiLimitsNote />
    </Page>
  );
}
