import "server-only";
import http from "node:http";
import https from "node:https";

/**
 * The header Docket writes the connection's remote address into, for route handlers, which Next.js
 * gives no socket. Whatever a client sends under this name is overwritten.
 */
export const PEER_HEADER = "x-docket-peer";

const STAMPED = Symbol.for("docket.peerAddressStamp");

/**
 * Stamps every request the process's HTTP(S) servers receive with the address of the connection it
 * came on, before Next.js sees it. Next.js keeps a client's own X-Forwarded-For, so without this the
 * address of a request could only be what the client claimed.
 */
export function stampPeerAddresses(): void {
  for (const prototype of [http.Server.prototype, https.Server.prototype] as Array<{ emit: http.Server["emit"]; [STAMPED]?: true }>) {
    if (prototype[STAMPED]) continue;
    const emit = prototype.emit;
    prototype.emit = function stampedEmit(this: http.Server, event: string | symbol, ...args: unknown[]) {
      if (event === "request") {
        const request = args[0] as http.IncomingMessage;
        request.headers[PEER_HEADER] = request.socket.remoteAddress ?? "";
      }
      return (emit as (this: http.Server, event: string | symbol, ...rest: unknown[]) => boolean).call(this, event, ...args);
    } as http.Server["emit"];
    prototype[STAMPED] = true;
  }
}
