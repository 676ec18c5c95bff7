import { UPLOADED_FILE_ROUTES } from "@/lib/server/files/routes-by-kind";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** How one of the reviewer's own downloads ended, as the audit log recorded it. */
export const GET = UPLOADED_FILE_ROUTES.receipt;
