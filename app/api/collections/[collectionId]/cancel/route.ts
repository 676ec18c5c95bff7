import { collectionControlRoute } from "@/lib/server/collections/control-route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = collectionControlRoute("cancel");
