import { UPLOADED_FILE_ROUTES } from "@/lib/server/files/routes-by-kind";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** A raster image for the preview, typed from its bytes (audited). */
export const GET = UPLOADED_FILE_ROUTES.image;
