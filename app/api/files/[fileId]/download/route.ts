import { UPLOADED_FILE_ROUTES } from "@/lib/server/files/routes-by-kind";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The file as an attachment, streamed and MD5-checked on the way (audited before the first byte and when it ends). */
export const GET = UPLOADED_FILE_ROUTES.download;
