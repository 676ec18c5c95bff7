import "server-only";
import { getDb } from "@/lib/server/db";
import { getServerEnv } from "@/lib/server/env";
import { defineRoute } from "@/lib/server/http/route";
import { queueCollectionFromApp } from "@/lib/server/jobs/collection-queue";
import { controlCollection, type CollectionControl } from "./collections";
import { CollectionPath } from "./request-schemas";

/** POST /api/collections/[id]/pause|resume|cancel: audited, answered with the collection as it now is. */
export function collectionControlRoute(control: CollectionControl) {
  return defineRoute({ permission: "content.export", params: CollectionPath }, async ({ actor, params, metadata }) => {
    const env = getServerEnv();
    const collection = await controlCollection(
      getDb(),
      (id) => queueCollectionFromApp(env.DATABASE_URL, id),
      actor,
      params.collectionId,
      control,
      metadata,
      env.DOCKET_INTERACTIVE_RESERVE,
    );
    return Response.json(collection);
  });
}
