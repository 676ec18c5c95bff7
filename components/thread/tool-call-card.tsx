import type { ToolResultBlock, ToolUseBlock } from "@/lib/thread/pair-tool-blocks";
import { prettyJsonOrRaw } from "@/lib/thread/json-text";

const PANEL = "max-h-80 overflow-auto whitespace-pre-wrap break-words rounded bg-slate-50 p-2 font-mono text-xs";

function Badge({ children, tone }: { children: string; tone: "error" | "warning" | "neutral" }) {
  const colours = { error: "bg-rose-100 text-rose-800", warning: "bg-amber-100 text-amber-800", neutral: "bg-slate-100 text-slate-700" }[tone];
  return <span className={`rounded px-1.5 py-0.5 text-xs font-semibold ${colours}`}>{children}</span>;
}

export function TruncatedBadge() {
  return <Badge tone="warning">Truncated</Badge>;
}

function Provenance({ integrationName, mcpServerUrl }: { integrationName: string | null; mcpServerUrl: string | null }) {
  if (!integrationName && !mcpServerUrl) return null;
  return (
    <p className="text-xs text-slate-600">
      {integrationName && <span>Integration: {integrationName}</span>}
      {integrationName && mcpServerUrl && " · "}
      {/* Shown as text: a reviewer should not be one click from an MCP server. */}
      {mcpServerUrl && <span className="font-mono">MCP server: {mcpServerUrl}</span>}
    </p>
  );
}

function ResultOutput({ result }: { result: ToolResultBlock }) {
  return (
    <div>
      <p className="flex items-center gap-2 text-xs font-semibold text-slate-600">
        Output {result.isError && <Badge tone="error">Error</Badge>} {result.truncated && <TruncatedBadge />}
      </p>
      <pre tabIndex={0} data-search-text className={PANEL}>
        {result.content.map((item) => item.text).join("\n") || "(empty)"}
      </pre>
    </div>
  );
}

/** A tool call and its result side by side, as the reviewer needs to read them. */
export function ToolCallCard({ use, result }: { use: ToolUseBlock; result: ToolResultBlock | null }) {
  return (
    <section aria-label={`Tool call ${use.name}`} className="my-2 space-y-2 rounded border border-slate-200 p-3" data-block="tool_call">
      <p className="text-sm">
        <span className="font-semibold">Tool call</span>{" "}
        <span data-search-text className="font-mono">
          {use.name}
        </span>
      </p>
      <Provenance integrationName={use.integrationName} mcpServerUrl={use.mcpServerUrl} />
      <div>
        <p className="flex items-center gap-2 text-xs font-semibold text-slate-600">Input {use.truncated && <TruncatedBadge />}</p>
        <pre tabIndex={0} data-search-text className={PANEL}>
          {use.truncated ? use.input : prettyJsonOrRaw(use.input)}
        </pre>
      </div>
      {result ? <ResultOutput result={result} /> : <p className="text-xs text-slate-500">No result among the loaded messages.</p>}
    </section>
  );
}

/** A result whose call Docket could not find: still evidence, so shown on its own. */
export function OrphanResultCard({ result }: { result: ToolResultBlock }) {
  return (
    <section aria-label="Tool result without its call" className="my-2 space-y-2 rounded border border-dashed border-slate-300 p-3" data-block="tool_result">
      <p className="text-sm">
        <span className="font-semibold">Tool result</span>{" "}
        {result.name && (
          <span data-search-text className="font-mono">
            {result.name}
          </span>
        )}{" "}
        <span className="text-xs text-slate-500">(its call is not among the loaded messages)</span>
      </p>
      <Provenance integrationName={result.integrationName} mcpServerUrl={result.mcpServerUrl} />
      <ResultOutput result={result} />
    </section>
  );
}
