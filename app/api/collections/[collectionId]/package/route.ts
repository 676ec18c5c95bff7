import { appCheckpointSettings } from "@/lib/server/audit/checkpoint";
import { CollectionPath, NoQuery } from "@/lib/server/collections/request-schemas";
import { respondWithPackage } from "@/lib/server/collections/respond-with-package";
import { getDb } from "@/lib/server/db";
import { getServerEnv } from "@/lib/server/env";
import { recordToAppDatabase } from "@/lib/server/files/audit-recorder";
import { defineRoute } from "@/lib/server/http/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The evidence package of a finished collection: one ZIP, streamed, signed, audited with its SHA-256. */
export const GET = defineRoute({ permission: "content.export", params: CollectionPath, query: NoQuery }, async ({ actor, params, metadata, request }) => {
  const env = getServerEnv();
  return respondWithPackage(getDb(), recordToAppDatabase, {
    actor,
    metadata,
    signal: request.signal,
    collectionId: params.collectionId,
    evidenceDir: env.DOCKET_EVIDENCE_DIR,
    signingKey: (await appCheckpointSettings()).signingKey,
    interactiveReserve: env.DOCKET_INTERACTIVE_RESERVE,
  });
});
