import { GENERATED_FILE_ROUTES } from "@/lib/server/files/routes-by-kind";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The start of a text file, as text (audited). */
export const GET = GENERATED_FILE_ROUTES.preview;
