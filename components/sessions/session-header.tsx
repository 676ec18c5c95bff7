import Link from "next/link";
import { useTimeFormat } from "@/components/layout/time-zone";
import { TranscriptExportMenu } from "@/components/thread/transcript-export-menu";
import type { ChatMessage } from "@/lib/schemas/console";
import { productSurfaceName, SESSION_KIND_NAMES, type SessionSummary } from "@/lib/schemas/sessions";

/** Counts over the loaded messages: the API gives no totals. */
export function transcriptCounts(messages: readonly ChatMessage[]) {
  const byRole = new Map<string, number>();
  let toolCalls = 0;
  let unavailable = 0;
  for (const message of messages) {
    byRole.set(message.role, (byRole.get(message.role) ?? 0) + 1);
    toolCalls += message.blocks.filter((block) => block.type === "tool_use").length;
    if (message.notice?.kind === "content_unavailable") unavailable += 1;
  }
  return { byRole: [...byRole.entries()].sort(([a], [b]) => a.localeCompare(b)), toolCalls, unavailable };
}

function Fact({ label, children, mono = false }: { label: string; children: React.ReactNode; mono?: boolean }) {
  return (
    <div>
      <dt className="inline font-semibold">{label}: </dt>
      <dd className={`inline ${mono ? "font-mono" : ""}`}>{children}</dd>
    </div>
  );
}

type SessionHeaderProps = { session: SessionSummary; messages: readonly ChatMessage[]; hasLater: boolean; canExport: boolean };

export function SessionHeader({ session, messages, hasLater, canExport }: SessionHeaderProps) {
  const { format } = useTimeFormat();
  const counts = transcriptCounts(messages);
  const first = messages[0]?.createdAt;
  const last = messages.at(-1)?.createdAt;
  const owner = session.user ? (session.user.email ?? session.user.id) : session.agentId ? `Agent ${session.agentId}` : "—";
  return (
    <header className="border-b border-slate-200 pb-3">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold">{productSurfaceName(session.productSurface)} session</h1>
        <span className="rounded bg-slate-100 px-2 py-0.5 text-xs font-semibold text-slate-700">{SESSION_KIND_NAMES[session.kind]}</span>
        {session.status && <span className="rounded bg-sky-100 px-2 py-0.5 text-xs font-semibold text-sky-900">Status: {session.status}</span>}
        {canExport && (
          <div className="ml-auto">
            <TranscriptExportMenu exportPath={`/api/sessions/${session.kind}/${encodeURIComponent(session.id)}/export`} noun="session" />
          </div>
        )}
      </div>
      <p className="mt-1 text-xs text-slate-600">
        The API cannot delete sessions. Their transcripts omit thinking, the system prompt and tool definitions; images and other binary content appear as
        markers.
      </p>
      <dl className="mt-2 grid grid-cols-2 gap-x-6 gap-y-1 text-xs text-slate-600 md:grid-cols-4">
        <Fact label="Person">{owner}</Fact>
        {session.startedBy && <Fact label="Started by">{session.startedBy.email ?? session.startedBy.id}</Fact>}
        {session.kind === "remote" && session.user && session.user.email === null && (
          <Fact label="Email">not given by this endpoint; the session list names it</Fact>
        )}
        <Fact label="Organisation" mono>
          {session.organizationUuid ?? "—"}
        </Fact>
        {session.kind === "local" && (
          <Fact label="Workspace" mono>
            {session.workspaceId ?? "none"}
          </Fact>
        )}
        {session.projectId && (
          <Fact label="Project" mono>
            <Link href={`/projects/${encodeURIComponent(session.projectId)}`} className="underline">
              {session.projectId}
            </Link>
          </Fact>
        )}
        <Fact label="Session id" mono>
          {session.id}
        </Fact>
        <Fact label="Created">{format(session.createdAt)}</Fact>
        {session.updatedAt && <Fact label="Updated">{format(session.updatedAt)}</Fact>}
        <Fact label="Span loaded">{first && last ? `${format(first)} – ${format(last)}` : "—"}</Fact>
        <Fact label="Messages loaded">
          <span data-testid="loaded-count">
            {messages.length}
            {hasLater && " (more later)"}
          </span>
        </Fact>
        <Fact label="By role">{counts.byRole.length === 0 ? "—" : counts.byRole.map(([role, count]) => `${role} ${count}`).join(", ")}</Fact>
        <Fact label="Tool calls">{counts.toolCalls}</Fact>
        {counts.unavailable > 0 && <Fact label="Content unavailable">{counts.unavailable} messages</Fact>}
      </dl>
    </header>
  );
}
