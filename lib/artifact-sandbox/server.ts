/**
 * The artifact sandbox origin: a bare HTTP server that serves the renderer page and nothing else. It
 * sets no cookie, reads none, and knows no secret, so whatever runs in it has nothing to steal.
 */
import { createServer, type Server } from "node:http";
import { RENDERER_PATH, rendererContentSecurityPolicy, rendererPage } from "./renderer-page";

export function createArtifactSandboxServer(appOrigin: string): Server {
  const page = Buffer.from(rendererPage(appOrigin));
  const pageHeaders = {
    "content-type": "text/html; charset=utf-8",
    "content-length": String(page.length),
    "content-security-policy": rendererContentSecurityPolicy(appOrigin),
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "cross-origin-resource-policy": "cross-origin",
    "cache-control": "no-store",
  };
  return createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://sandbox.invalid").pathname;
    if (path !== RENDERER_PATH) {
      response.writeHead(404, { "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff" }).end("Not found");
      return;
    }
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { allow: "GET, HEAD", "content-type": "text/plain; charset=utf-8" }).end("Method not allowed");
      return;
    }
    response.writeHead(200, pageHeaders).end(request.method === "HEAD" ? undefined : page);
  });
}
