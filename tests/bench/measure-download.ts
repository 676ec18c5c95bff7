/**
 * One timed download, run as its own process so that reading a gigabyte does not compete with the
 * benchmark's proxy for one event loop. Usage: measure-download <url> <headers JSON> [abort after bytes].
 * Prints one JSON line: the bytes read, the time and CPU time taken, or the moment it aborted.
 */
import { Agent, request } from "undici";

const [url, headersJson, abortAfter] = process.argv.slice(2);
const now = () => performance.timeOrigin + performance.now();
const dispatcher = new Agent();
const started = now();
const cpuAtStart = process.cpuUsage();
/** CPU time this reader spent, in milliseconds (user and system, every thread). */
const cpuMs = () => {
  const used = process.cpuUsage(cpuAtStart);
  return (used.user + used.system) / 1000;
};
const response = await request(url!, { headers: JSON.parse(headersJson!) as Record<string, string>, dispatcher });
let bytes = 0;
if (abortAfter !== undefined) {
  for await (const chunk of response.body as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    if (bytes >= Number(abortAfter)) break;
  }
  // Leaving the loop destroys the body, and with it the connection: the browser closing its tab.
  console.log(JSON.stringify({ status: response.statusCode, bytes, abortedAt: now() }));
} else {
  for await (const chunk of response.body as AsyncIterable<Buffer>) bytes += chunk.length;
  console.log(JSON.stringify({ status: response.statusCode, bytes, ms: now() - started, cpuMs: cpuMs() }));
}
await dispatcher.close();
