import { CreateCollectionBody } from "@/lib/schemas/collections";
import { createCollection, listCollections } from "@/lib/server/collections/collections";
import { getComplianceClient } from "@/lib/server/compliance";
import { getDb } from "@/lib/server/db";
import { getServerEnv } from "@/lib/server/env";
import { defineRoute } from "@/lib/server/http/route";
import { queueCollectionFromApp } from "@/lib/server/jobs/collection-queue";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Every collection, newest first, with its progress. */
export const GET = defineRoute({ permission: "content.export" }, async () =>
  Response.json({ collections: await listCollections(getDb(), getServerEnv().DOCKET_INTERACTIVE_RESERVE) }),
);

/** Creates a collection of objects the Compliance API knows, audited, and wakes the worker for it. */
export const POST = defineRoute({ permission: "content.export", body: CreateCollectionBody }, async ({ actor, body, metadata, request }) =>
  Response.json(
    await createCollection(getComplianceClient(), getDb(), (id) => queueCollectionFromApp(getServerEnv().DATABASE_URL, id), actor, body, metadata, {
      signal: request.signal,
    }),
    { status: 201 },
  ),
);
