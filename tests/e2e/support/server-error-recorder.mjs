// Preloaded (`node --import`) into the end-to-end stack's app process only: appends one JSON line per
// response of status 500 or more to E2E_SERVER_ERROR_LOG. Every response's head, implicit or not, goes
// through writeHead, and the line is written before the head leaves, so a test that has received a 5xx
// finds it in the file. Plain JavaScript: the app process runs without a TypeScript loader.
import { appendFileSync } from "node:fs";
import { ServerResponse } from "node:http";

const log = process.env.E2E_SERVER_ERROR_LOG;
if (!log) throw new Error("server-error-recorder: set E2E_SERVER_ERROR_LOG to the file to append to");

const writeHead = ServerResponse.prototype.writeHead;
ServerResponse.prototype.writeHead = function recordServerError(statusCode, ...rest) {
  if (statusCode >= 500 && !this.headersSent) {
    const entry = { at: new Date().toISOString(), status: statusCode, method: this.req?.method ?? null, url: this.req?.url ?? null };
    appendFileSync(log, `${JSON.stringify(entry)}\n`);
  }
  return writeHead.call(this, statusCode, ...rest);
};
