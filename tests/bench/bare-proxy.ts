/**
 * The least a proxy can do, as a baseline for Docket's downloads (B2) and JSON pages (B1): a bare Node
 * HTTP server that forwards GET requests to the simulator with undici and pipes the status, content
 * type and body back, nothing else (no session, no audit, no validation, no headers checked). With `md5`, it also hashes the bytes as they pass, inline, which is the
 * least a proxy that verifies Content-MD5 must spend. Usage: bare-proxy <upstream origin> <api key>
 * [md5]. Prints "listening on http://…" when ready.
 */
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Agent, request } from "undici";

const [upstreamOrigin, apiKey, mode] = process.argv.slice(2);
const dispatcher = new Agent();

async function forward(incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
  try {
    const upstream = await request(new URL(incoming.url!, upstreamOrigin), {
      headers: { "x-api-key": apiKey!, "anthropic-version": "2023-06-01" },
      dispatcher,
    });
    const { "content-length": length, "content-type": type } = upstream.headers;
    outgoing.writeHead(upstream.statusCode, {
      "content-type": typeof type === "string" ? type : "application/octet-stream",
      ...(typeof length === "string" ? { "content-length": length } : {}),
    });
    const hash = mode === "md5" ? createHash("md5") : null;
    outgoing.once("close", () => upstream.body.destroy());
    for await (const chunk of upstream.body as AsyncIterable<Buffer>) {
      hash?.update(chunk);
      if (!outgoing.write(chunk)) await new Promise((resolve) => outgoing.once("drain", resolve));
    }
    hash?.digest();
    outgoing.end();
  } catch {
    outgoing.destroy();
  }
}

const server = createServer((incoming, outgoing) => void forward(incoming, outgoing));
server.listen(0, "127.0.0.1", () => console.log(`listening on http://127.0.0.1:${(server.address() as AddressInfo).port}`));
