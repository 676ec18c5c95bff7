import "server-only";
import type { Endpoint } from "./endpoints";
import { ComplianceRequestValidationError } from "./errors";
import { ID_DESCRIPTIONS, ID_PATTERNS, type IdKind } from "./ids";
import type { QueryInput, QueryParam } from "./query-params";

export type PathInput<P> = { [K in keyof P]: string };

const COMPLIANCE_PREFIX = "/v1/compliance/";

/** The configured API origin, checked once: https (or http for a local simulator), no path, no credentials. */
export function parseApiOrigin(baseUrl: string): URL {
  const url = new URL(baseUrl);
  if (!["https:", "http:"].includes(url.protocol) || url.username || url.password || url.search || url.hash) {
    throw new Error("COMPLIANCE_API_BASE_URL must be a plain http(s) origin");
  }
  if (url.pathname !== "/" && url.pathname !== "") throw new Error("COMPLIANCE_API_BASE_URL must not contain a path");
  return new URL(url.origin);
}

/**
 * The only way a Compliance API URL is made. Ids are checked against their documented pattern before
 * they reach the path, only the endpoint's own query parameters are accepted, and the result must still
 * be on the configured origin under /v1/compliance/ with exactly the template's segments.
 */
export function buildComplianceUrl<P extends Record<string, IdKind>, Q extends Record<string, QueryParam<never>>>(
  origin: URL,
  endpoint: Endpoint<P, Q>,
  pathInput: PathInput<P>,
  queryInput: QueryInput<Q> = {},
): URL {
  const segments = endpoint.path.map((segment) => {
    const name = /^\{(\w+)\}$/.exec(segment)?.[1];
    if (name === undefined) return segment;
    const kind = endpoint.params[name];
    const value: unknown = (pathInput as Record<string, unknown>)[name];
    if (kind === undefined || typeof value !== "string" || !ID_PATTERNS[kind].test(value)) {
      throw new ComplianceRequestValidationError(name, `${describe(value)} is not ${kind ? ID_DESCRIPTIONS[kind] : "a valid id"}.`);
    }
    return encodeURIComponent(value);
  });

  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(queryInput as Record<string, unknown>)) {
    if (value === undefined) continue;
    const param = endpoint.query[name] as QueryParam<unknown> | undefined;
    if (param === undefined) throw new ComplianceRequestValidationError(name, `${name} is not a parameter of this endpoint.`);
    const problem = param.check(value);
    if (problem !== null) throw new ComplianceRequestValidationError(param.wire, problem);
    for (const [key, encoded] of param.encode(value)) search.append(key, encoded);
  }

  const expectedPath = `/${segments.join("/")}`;
  const url = new URL(expectedPath, origin);
  url.search = search.toString();
  if (url.origin !== origin.origin || url.pathname !== expectedPath || !url.pathname.startsWith(COMPLIANCE_PREFIX)) {
    throw new ComplianceRequestValidationError("path", "The request would leave the Compliance API.");
  }
  return url;
}

function describe(value: unknown): string {
  if (typeof value !== "string") return `A ${typeof value}`;
  const shown = value.length > 60 ? `${value.slice(0, 60)}…` : value;
  return JSON.stringify(shown);
}
