// The job queues and their settings, in one place for the migration that creates them (run by the
// owner role) and the processes that use them (the runtime role, which may not create anything).
// Holds no secret and reads no environment, so the migration runner can import it outside Next.js.

/** pg-boss's tables live in their own schema, beside Docket's. */
export const JOB_SCHEMA = "pgboss";

/** The queue of collection steps: each job runs one collection for a while, then queues its own continuation. */
export const COLLECTION_STEP_QUEUE = "collection-step";

/** The queue of approved deletions: each job executes one, in the worker, the only process with the delete key. */
export const DELETION_EXECUTION_QUEUE = "deletion-execute";

/** The queue of reconciliation runs: each reads the feed's Compliance API calls onward from where the last stopped. */
export const API_RECONCILIATION_QUEUE = "api-reconciliation";

/** A step still active this long after it started belonged to a worker that died; its lane is taken over by the next sweep anyway. */
const STEP_EXPIRY_SECONDS = 300;

/**
 * Steps are queued with the "short" policy and a key per lane: at most one waits per lane, however many
 * times a lane is woken, so wake-ups never pile up, while a step killed with its worker is replaced.
 */
export const JOB_QUEUES = [
  { name: COLLECTION_STEP_QUEUE, policy: "short", retryLimit: 0, expireInSeconds: STEP_EXPIRY_SECONDS },
  // One waiting job per request (keyed by its id). No retries: a request the worker could not execute
  // stays queued in its row, and the worker's sweep queues it again a minute later.
  { name: DELETION_EXECUTION_QUEUE, policy: "short", retryLimit: 0, expireInSeconds: 900 },
  // "stately": at most one run waiting and one running, however many workers ask for one.
  { name: API_RECONCILIATION_QUEUE, policy: "stately", retryLimit: 0, expireInSeconds: 600 },
] as const;
