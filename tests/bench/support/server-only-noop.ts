/**
 * `node --import tsx --import ./tests/bench/support/server-only-noop.ts script`: resolves `server-only`
 * to an empty module, as Next.js does for server code and vitest through its alias (vitest.config.ts),
 * so that a benchmark process can call the verbs the routes call. `--conditions=react-server` would do
 * that too, but it also gives React's server build, which cannot load next/navigation, and the route
 * wrapper's modules (shared with createCollection and respondWithPackage) import it.
 */
import { register } from "node:module";

const hook = `export async function resolve(specifier, context, next) {
  return specifier === "server-only" ? { url: "data:text/javascript,export {}", shortCircuit: true } : next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);
