import { GENERATED_FILE_ROUTES } from "@/lib/server/files/routes-by-kind";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** A generated file's metadata (audited as a view). */
export const GET = GENERATED_FILE_ROUTES.detail;
