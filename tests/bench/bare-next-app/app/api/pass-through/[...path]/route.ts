import { Readable } from "node:stream";
import { Agent, request } from "undici";

export const dynamic = "force-dynamic";

const dispatcher = new Agent();

/**
 * GET /api/pass-through/<upstream path>?<query>: forwards to the simulator with the API key and
 * streams status, content type and body back. No session, no validation, no audit: the least a
 * Next.js route handler proxying the Compliance API can do.
 */
export async function GET(incoming: Request, { params }: { params: Promise<{ path: string[] }> }) {
  const { path } = await params;
  const upstream = await request(new URL(`/${path.join("/")}${new URL(incoming.url).search}`, process.env.BARE_UPSTREAM_ORIGIN), {
    headers: { "x-api-key": process.env.BARE_UPSTREAM_API_KEY ?? "", "anthropic-version": "2023-06-01" },
    dispatcher,
  });
  const type = upstream.headers["content-type"];
  return new Response(Readable.toWeb(upstream.body) as ReadableStream<Uint8Array>, {
    status: upstream.statusCode,
    headers: { "content-type": typeof type === "string" ? type : "application/octet-stream", "cache-control": "no-store" },
  });
}
