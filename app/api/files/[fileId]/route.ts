import { UPLOADED_FILE_ROUTES } from "@/lib/server/files/routes-by-kind";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** An uploaded file's metadata (audited as a view). */
export const GET = UPLOADED_FILE_ROUTES.detail;
