import { getCollection } from "@/lib/server/collections/collections";
import { CollectionPath, NoQuery } from "@/lib/server/collections/request-schemas";
import { getDb } from "@/lib/server/db";
import { getServerEnv } from "@/lib/server/env";
import { defineRoute } from "@/lib/server/http/route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** One collection: its state and progress. */
export const GET = defineRoute({ permission: "content.export", params: CollectionPath, query: NoQuery }, async ({ params }) =>
  Response.json(await getCollection(getDb(), params.collectionId, getServerEnv().DOCKET_INTERACTIVE_RESERVE)),
);
