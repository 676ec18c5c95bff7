// What a route handler receives and returns.

import type { IncomingMessage } from "node:http";
import type { SimulatorKey } from "../dataset/api-keys";
import type { Dataset } from "../dataset/dataset";
import type { State } from "../state";
import type { ChunkSource } from "./body";
import type { Query } from "./query";

export interface Ctx {
  ds: Dataset;
  state: State;
  req: IncomingMessage;
  key: SimulatorKey;
  requestId: string;
  path: string;
  query: Query;
  params: Record<string, string>;
  /** Records an activity caused by this request (deletes), in organisation `org` (an index). */
  emit(type: string, org: number, fields: Record<string, unknown>): void;
}

export interface Download {
  contentType: string;
  filename: string;
  md5: Buffer;
  body: () => ChunkSource;
}

export type Reply = { json: unknown; status?: number } | { download: Download };

export type Handler = (ctx: Ctx) => Reply | Promise<Reply>;

export interface RouteDef {
  method: "GET" | "DELETE";
  path: string;
  scope: string;
  handler: Handler;
}
