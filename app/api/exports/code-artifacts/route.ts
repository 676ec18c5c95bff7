import { listExportRoute } from "@/lib/server/exports/list-export-route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Records the download of the code artifacts list as loaded (its size and SHA-256) before the browser saves it. */
export const POST = listExportRoute("code-artifacts", "content.export");
