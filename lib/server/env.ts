import "server-only";
import type { KeyObject } from "node:crypto";
import { BlockList, isIP } from "node:net";
import { z } from "zod";
import { ROLES, type Role } from "@/lib/schemas/access";
import { DEFAULT_CHECKPOINT_FILE, parseEd25519PrivateKey, parseEd25519PublicKey } from "@/lib/server/audit/checkpoint-key";
import { DocketError } from "@/lib/server/docket-error";

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

const httpUrl = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).transform((value) => value.replace(/\/+$/, ""));

/** "group-a:reviewer,group-b:approver" → Map(group → roles). A group may map to several roles. */
const roleMap = z.string().transform((raw, ctx) => {
  const map = new Map<string, Role[]>();
  for (const entry of raw
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)) {
    const separator = entry.lastIndexOf(":");
    const group = entry.slice(0, separator).trim();
    const role = entry.slice(separator + 1).trim();
    if (separator <= 0 || !group) {
      ctx.addIssue({ code: "custom", message: `entry "${entry}" must be written group:role` });
      continue;
    }
    if (!(ROLES as readonly string[]).includes(role)) {
      ctx.addIssue({ code: "custom", message: `entry "${entry}" names unknown role "${role}" (known: ${ROLES.join(", ")})` });
      continue;
    }
    map.set(group, [...(map.get(group) ?? []), role as Role]);
  }
  if (map.size === 0 && ctx.issues.length === 0) ctx.addIssue({ code: "custom", message: "must map at least one group to a role" });
  return map;
});

/** "10.0.0.0/8, 192.0.2.7, fd00::/8": addresses and CIDR ranges, IPv4 or IPv6. */
const addressList = z.string().transform((raw, ctx) => {
  const list = new BlockList();
  for (const entry of raw
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [address = "", prefix, ...rest] = entry.split("/");
    const family = isIP(address);
    const bits = prefix === undefined ? null : Number(prefix);
    const maxBits = family === 4 ? 32 : 128;
    if (family === 0 || rest.length > 0 || (bits !== null && !(Number.isInteger(bits) && bits >= 0 && bits <= maxBits)) || prefix === "") {
      ctx.addIssue({ code: "custom", message: `entry "${entry}" must be an IP address or a CIDR range (10.0.0.0/8, fd00::/8)` });
      continue;
    }
    const type = family === 4 ? "ipv4" : "ipv6";
    if (bits === null) list.addAddress(address, type);
    else list.addSubnet(address, bits, type);
  }
  return list;
});

/** A key parsed here, so that a bad one stops the server at startup rather than at the first audit write. */
const keyParsedWith = (parse: (raw: string) => KeyObject) =>
  z.string().transform((raw, ctx) => {
    try {
      return parse(raw);
    } catch (error) {
      ctx.addIssue({ code: "custom", message: error instanceof Error ? error.message : "is not a usable key" });
      return z.NEVER;
    }
  });
const ed25519PrivateKey = keyParsedWith(parseEd25519PrivateKey);
const ed25519PublicKey = keyParsedWith(parseEd25519PublicKey);

/** The signed checkpoint: where it is kept, the key that signs it, the key held elsewhere that checks it, and its anchors. */
const auditCheckpointFields = {
  DOCKET_AUDIT_CHECKPOINT_FILE: z.string().min(1, "must not be empty").default(DEFAULT_CHECKPOINT_FILE),
  DOCKET_AUDIT_SIGNING_KEY: ed25519PrivateKey.optional(),
  DOCKET_AUDIT_VERIFY_KEY: ed25519PublicKey.optional(),
  /** A file on another mount that each anchor is appended to. */
  DOCKET_AUDIT_ANCHOR_FILE: z.string().min(1, "must not be empty").optional(),
  /** An endpoint each anchor is POSTed to. */
  DOCKET_AUDIT_ANCHOR_URL: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
};

/** What every Docket process that calls the API or holds evidence reads: the app and the worker. */
const complianceKey = z
  .string({ error: "is required" })
  .regex(/^sk-ant-(api|admin)\d{2}-[A-Za-z0-9_-]+$/, "must be a Compliance Access Key (sk-ant-api01-...) or an Admin API key");

const sharedFields = {
  COMPLIANCE_API_BASE_URL: httpUrl.default("https://api.anthropic.com"),
  /** The key every read uses; the web app's should carry read scopes only. */
  COMPLIANCE_API_KEY: complianceKey,
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgresql:// URL" }),
  /** The evidence store: collected objects by SHA-256, and exports spooled on their way out. */
  DOCKET_EVIDENCE_DIR: z.string().min(1, "must not be empty").default(".data/evidence"),
  /** The share of each minute's API budget that background work leaves to people. */
  DOCKET_INTERACTIVE_RESERVE: z.coerce.number({ error: "must be a number" }).min(0, "must be between 0 and 1").max(1, "must be between 0 and 1").default(0.2),
};

const ServerEnv = z
  .object({
    ...sharedFields,
    NEXTAUTH_URL: httpUrl.refine(
      (value) => value.startsWith("https://") || LOOPBACK_HOSTS.has(new URL(value).hostname),
      "must be an https URL (plain http only on localhost, as the demo and the tests use): sessions and approvals must not travel in clear",
    ),
    NEXTAUTH_SECRET: z.string({ error: "is required" }).min(32, "must be at least 32 characters"),
    OIDC_ISSUER: httpUrl,
    OIDC_CLIENT_ID: z.string({ error: "is required" }).min(1, "must not be empty"),
    OIDC_CLIENT_SECRET: z.string({ error: "is required" }).min(1, "must not be empty"),
    DOCKET_ROLE_CLAIM: z.string().min(1, "must not be empty").default("groups"),
    DOCKET_ROLE_MAP: roleMap,
    DOCKET_DELETE_APPROVALS: z
      .enum(["0", "1"], { error: "must be 0 or 1" })
      .default("1")
      .transform((value) => value === "1"),
    /** A deletion request not executed within this many hours expires. */
    DOCKET_DELETE_REQUEST_TTL_HOURS: z.coerce.number({ error: "must be a number" }).int("must be a whole number of hours").min(1).max(720).default(72),
    /**
     * Refused, not ignored: a web process given the delete key would hold it in its memory and its
     * environment, where a flaw in any page could reach it. Only the worker executes deletions.
     */
    COMPLIANCE_API_DELETE_KEY: z
      .undefined({
        error: "must not be given to the web app: only the worker (npm run worker) holds the delete key; give the web app a read-only key",
      })
      .optional(),
    ...auditCheckpointFields,
    /** Scopes requested at sign-in; some IdPs need an extra scope (e.g. "groups") to release the role claim. */
    OIDC_SCOPES: z
      .string()
      .regex(/^openid( [\w:./-]+)*$/, "must start with openid, separated by spaces")
      .default("openid email profile"),
    DOCKET_SESSION_IDLE_MINUTES: z.coerce.number({ error: "must be a number" }).int().min(1).max(1440).default(30),
    DOCKET_SESSION_MAX_HOURS: z.coerce.number({ error: "must be a number" }).int().min(1).max(720).default(8),
    /** Requests one person may make to Docket's routes per minute (429 past it, with when to retry). */
    DOCKET_REVIEWER_REQUESTS_PER_MINUTE: z.coerce.number({ error: "must be a number" }).int().min(10).max(100_000).default(300),
    /** The share of the Compliance API's per-minute limit the requests made for one person may take. */
    DOCKET_REVIEWER_API_SHARE: z.coerce.number({ error: "must be a number" }).gt(0, "must be more than 0").max(1, "must be at most 1").default(0.5),
    /** Approving, rejecting or executing a deletion needs a sign-in at the IdP this recent (step-up). */
    DOCKET_STEP_UP_MINUTES: z.coerce.number({ error: "must be a number" }).int().min(1).max(1440).default(10),
    /**
     * The reverse proxies whose X-Forwarded-For is believed for the client's address in the audit log;
     * none by default, so a client cannot choose the address recorded for it.
     */
    DOCKET_TRUSTED_PROXIES: addressList.default(new BlockList()),
    /** The artifact sandbox origin (lib/artifact-sandbox); without it, artifacts are never run. */
    DOCKET_ARTIFACT_SANDBOX_URL: httpUrl.transform((value) => new URL(value).origin).optional(),
  })
  .superRefine((env, ctx) => {
    if (env.DOCKET_ARTIFACT_SANDBOX_URL && sameSite(env.DOCKET_ARTIFACT_SANDBOX_URL, env.NEXTAUTH_URL)) {
      ctx.addIssue({
        code: "custom",
        path: ["DOCKET_ARTIFACT_SANDBOX_URL"],
        message: "must be on another site than NEXTAUTH_URL (another registrable domain), or the browser would send it Docket's cookies",
      });
    }
  });

/**
 * Whether two origins are the same site for cookies: ports never separate sites, and a host shares a
 * site with its parent domains. Without the public suffix list, two names count as one site when
 * their last two labels match, which errs on the side of refusing (acme.co.uk and other.co.uk do).
 */
function sameSite(first: string, second: string): boolean {
  const [a, b] = [new URL(first).hostname, new URL(second).hostname];
  if (a === b) return true;
  const isIp = (host: string) => /^[\d.]+$/.test(host) || host.includes(":");
  if (isIp(a) || isIp(b)) return false;
  const site = (host: string) => host.split(".").slice(-2).join(".");
  return site(a) === site(b);
}

export type ServerEnv = z.infer<typeof ServerEnv>;

const WorkerEnv = z.object({
  ...sharedFields,
  /** How long a worker's claim on a list or an item holds without renewal: a killed worker's work is taken over after it. */
  DOCKET_WORKER_LEASE_SECONDS: z.coerce.number({ error: "must be a number" }).int().min(1).max(3600).default(60),
  /** Collection steps one worker process runs at once: by default one per lane of a collection, so one worker can use them all. */
  DOCKET_WORKER_CONCURRENCY: z.coerce.number({ error: "must be a number" }).int().min(1).max(32).default(3),
  /** The key with the delete:compliance_user_data scope, used for DELETEs only; unset: Docket cannot delete. */
  COMPLIANCE_API_DELETE_KEY: complianceKey.optional(),
  /**
   * Where the bytes of files about to be deleted are kept, named by their SHA-256; unset: only their
   * metadata and hashes go into the pre-deletion snapshot.
   */
  DOCKET_DELETE_SNAPSHOT_DIR: z.string().min(1, "must not be empty").optional(),
  /**
   * How far behind now the reconciliation reads the feed: the API makes an activity queryable within a
   * minute of its call. Lower only against an API known to be quicker (the simulator is immediate).
   */
  DOCKET_FEED_LAG_SECONDS: z.coerce.number({ error: "must be a number" }).int().min(0).max(3600).default(120),
  ...auditCheckpointFields,
});
export type WorkerEnv = z.infer<typeof WorkerEnv>;

export class InvalidEnvironmentError extends DocketError {
  static override readonly brand: string = "InvalidEnvironmentError";
  constructor(readonly problems: string[]) {
    super(`Docket cannot start: invalid environment.\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    this.name = "InvalidEnvironmentError";
  }
}

/**
 * Validates the environment and names every missing or invalid variable. Never echoes values:
 * some are secrets.
 */
export function parseServerEnv(source: Record<string, string | undefined>): ServerEnv {
  return parseEnv(ServerEnv, source);
}

/** The worker's environment (npm run worker): no sign-in, but the API, the database and the evidence store. */
export function parseWorkerEnv(source: Record<string, string | undefined>): WorkerEnv {
  return parseEnv(WorkerEnv, source);
}

function parseEnv<S extends z.ZodType>(schema: S, source: Record<string, string | undefined>): z.output<S> {
  const withoutEmpty = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ""));
  const result = schema.safeParse(withoutEmpty);
  if (result.success) return result.data;
  throw new InvalidEnvironmentError(
    result.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? "environment");
      return source[name] === undefined || source[name] === "" ? `${name} is missing` : `${name} ${issue.message}`;
    }),
  );
}

let cached: ServerEnv | undefined;

/** The one place the server reads process.env. */
export function getServerEnv(): ServerEnv {
  cached ??= parseServerEnv(process.env);
  return cached;
}

/** The worker's counterpart of getServerEnv; it throws InvalidEnvironmentError naming every problem. */
export function getWorkerEnv(): WorkerEnv {
  return parseWorkerEnv(process.env);
}
