// Everything that changes while the simulator runs: hard deletes (an overlay over the immutable
// dataset), activities appended at runtime, and the request log used by tests. `reset()` brings
// the simulator back to its freshly generated state.

import { Kind, PREFIX, type IdCodec } from "./dataset/ids";
import { nowUs } from "./dataset/time";

export interface RuntimeActivity {
  seq: number;
  timeUs: number;
  type: string;
  id: string;
  words: number[];
  body: Record<string, unknown>;
}

export interface LoggedRequest {
  method: string;
  path: string;
  query: string;
  status: number;
  request_id: string;
  time: string;
}

/** Bounds keep a long benchmark from growing memory without limit. */
const MAX_RUNTIME_ACTIVITIES = 200_000;
const MAX_LOGGED_REQUESTS = 10_000;

export class State {
  readonly deletedChats = new Set<number>();
  /** Chat-file and project-file ids. */
  readonly deletedFiles = new Set<string>();
  readonly deletedDocs = new Set<string>();
  readonly deletedProjects = new Set<number>();
  readonly deletedCodeArtifacts = new Set<string>();
  runtime: RuntimeActivity[] = [];
  requests: LoggedRequest[] = [];
  /** Every API request answered since the last reset, by status: the log above keeps only the recent ones. */
  readonly answeredByStatus = new Map<number, number>();
  /** API requests received and not yet answered, by request id (so a test can act while one is in flight). */
  readonly inFlight = new Map<string, Omit<LoggedRequest, "status">>();
  // Never reset: runtime activity ids stay unique across resets.
  private seq = 0;
  private lastTimeUs = 0;

  constructor(private readonly ids: IdCodec) {}

  /** Appends an activity; `build` receives the assigned id and timestamp. */
  addActivity(type: string, build: (id: string, timeUs: number) => Record<string, unknown>): RuntimeActivity {
    const seq = ++this.seq;
    // Strictly increasing, so runtime entries are already in feed order.
    const timeUs = Math.max(nowUs(), this.lastTimeUs + 1);
    this.lastTimeUs = timeUs;
    const id = this.ids.tagged(PREFIX.activity, Kind.RuntimeActivity, seq);
    const entry: RuntimeActivity = { seq, timeUs, type, id, words: this.ids.taggedWords(Kind.RuntimeActivity, seq), body: build(id, timeUs) };
    this.runtime.push(entry);
    if (this.runtime.length > MAX_RUNTIME_ACTIVITIES) this.runtime = this.runtime.slice(-MAX_RUNTIME_ACTIVITIES / 2);
    return entry;
  }

  findRuntime(seq: number): RuntimeActivity | undefined {
    const first = this.runtime[0];
    if (!first) return undefined;
    const entry = this.runtime[seq - first.seq];
    return entry?.seq === seq ? entry : undefined;
  }

  logRequest(entry: LoggedRequest): void {
    this.answeredByStatus.set(entry.status, (this.answeredByStatus.get(entry.status) ?? 0) + 1);
    this.requests.push(entry);
    if (this.requests.length > MAX_LOGGED_REQUESTS) this.requests = this.requests.slice(-MAX_LOGGED_REQUESTS / 2);
  }

  reset(): void {
    this.deletedChats.clear();
    this.deletedFiles.clear();
    this.deletedDocs.clear();
    this.deletedProjects.clear();
    this.deletedCodeArtifacts.clear();
    this.runtime = [];
    this.requests = [];
    this.answeredByStatus.clear();
  }
}
