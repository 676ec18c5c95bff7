import { GENERATED_FILE_ROUTES } from "@/lib/server/files/routes-by-kind";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** A generated file's bytes read and hashed on the server, compared with the MD5s on record (audited). */
export const GET = GENERATED_FILE_ROUTES.integrity;
