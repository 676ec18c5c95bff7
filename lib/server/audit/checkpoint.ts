import "server-only";

import { createPublicKey, randomUUID, sign, verify, type KeyObject } from "node:crypto";
import { mkdir, open, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import { SignedCheckpoint } from "@/lib/schemas/audit-event";
import { readChainHead, readChainHeadAndRowHashAt, type ChainHead, type Queryable } from "@/lib/server/audit/audit-chain";
import { canonicalJson } from "@/lib/server/audit/canonical-json";
import { AnchorPublisher } from "@/lib/server/audit/anchors";
import { ed25519KeyId, readOrCreateGeneratedSigningKey } from "@/lib/server/audit/checkpoint-key";
import { getDb } from "@/lib/server/db";
import { DocketError } from "@/lib/server/docket-error";
import { getServerEnv, type ServerEnv } from "@/lib/server/env";

// The latest chain head, signed and kept outside the database: whoever can rewrite the
// table cannot make a cut tail or a rewritten chain agree with it without the signing key.

export interface CheckpointSettings {
  /** Absolute path of the checkpoint JSON file. */
  file: string;
  signingKey: KeyObject;
  /** DOCKET_AUDIT_VERIFY_KEY: the key held outside the app host that checkpoints must verify with. */
  verifyKey?: KeyObject | undefined;
  /** Where each checkpoint written is also sent, out of the host's reach (see anchors.ts). */
  anchors?: AnchorPublisher | undefined;
}

/** What the signature covers: every field but the signature, canonicalised (RFC 8785). */
function signedBytes(checkpoint: Omit<SignedCheckpoint, "signature">): Buffer {
  const { v, seq, rowHash, signedAt, keyId } = checkpoint;
  return Buffer.from(canonicalJson({ v, seq, rowHash, signedAt, keyId }), "utf8");
}

export function signCheckpoint(head: ChainHead, signingKey: KeyObject, signedAt = new Date()): SignedCheckpoint {
  const payload = { v: 1 as const, seq: head.seq.toString(), rowHash: head.rowHash, signedAt: signedAt.toISOString(), keyId: ed25519KeyId(signingKey) };
  return { ...payload, signature: sign(null, signedBytes(payload), signingKey).toString("base64") };
}

export function checkpointSignatureValid(checkpoint: SignedCheckpoint, publicKey: KeyObject): boolean {
  try {
    return verify(null, signedBytes(checkpoint), publicKey, Buffer.from(checkpoint.signature, "base64"));
  } catch {
    return false;
  }
}

export class InvalidCheckpointFileError extends DocketError {
  static override readonly brand: string = "InvalidCheckpointFileError";
  constructor(file: string, reason: string) {
    super(`${file} is not a signed audit checkpoint: ${reason}`);
    this.name = "InvalidCheckpointFileError";
  }
}

/** The checkpoint in `file`, or null when there is none yet. Throws InvalidCheckpointFileError if it is malformed. */
export async function readCheckpoint(file?: string): Promise<SignedCheckpoint | null> {
  const target = file ?? appCheckpointFile();
  let text: string;
  try {
    text = await readFile(target, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new InvalidCheckpointFileError(target, "not JSON");
  }
  const parsed = SignedCheckpoint.safeParse(json);
  if (!parsed.success)
    throw new InvalidCheckpointFileError(target, parsed.error.issues.map((issue) => `${issue.path.join(".") || "file"}: ${issue.message}`).join("; "));
  return parsed.data;
}

/** Signs `head` and replaces the checkpoint file atomically (temporary file, fsync, rename). */
export async function writeCheckpoint(head: ChainHead, given?: CheckpointSettings): Promise<SignedCheckpoint> {
  const settings = given ?? (await appCheckpointSettings());
  const { file, signingKey } = settings;
  const checkpoint = signCheckpoint(head, signingKey);
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${randomUUID()}.tmp`;
  const handle = await open(temporary, "wx", 0o644);
  try {
    await handle.writeFile(`${JSON.stringify(checkpoint, null, 2)}\n`, "utf8");
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  settings.anchors?.offer(checkpoint);
  return checkpoint;
}

/** The key auditors verify checkpoints with (SPKI PEM). */
export async function publicKeyPem(settings?: CheckpointSettings): Promise<string> {
  const { signingKey } = settings ?? (await appCheckpointSettings());
  return createPublicKey(signingKey).export({ type: "spki", format: "pem" }).toString();
}

class CheckpointConflictError extends DocketError {
  static override readonly brand: string = "CheckpointConflictError";
  constructor(message: string) {
    super(`${message}; the checkpoint is kept as evidence (run audit:verify, then move the file aside to start a new one)`);
    this.name = "CheckpointConflictError";
  }
}

/**
 * Moves the checkpoint to the current chain head, unless that would erase evidence: it refuses when
 * the existing checkpoint does not verify with this key, when the head is behind it (rows were
 * removed) or when its row no longer has the signed hash (the chain was rewritten). Reads only
 * committed rows, so `db` must not be a transaction. Returns the checkpoint now on disk (null: the
 * chain is empty and there is no checkpoint yet).
 */
export async function advanceCheckpoint(db: Queryable, settings: CheckpointSettings): Promise<SignedCheckpoint | null> {
  // The file first, then the chain: a head read after the file is never older than a checkpoint
  // another process wrote meanwhile.
  const current = await readCheckpoint(settings.file);
  if (!current) {
    const head = await readChainHead(db);
    return head ? writeCheckpoint(head, settings) : null;
  }
  if (!checkpointSignatureValid(current, createPublicKey(settings.signingKey))) {
    throw new CheckpointConflictError(`${settings.file} does not verify with the current signing key`);
  }
  const checkpointSeq = BigInt(current.seq);
  const { head, rowHashAtSeq } = await readChainHeadAndRowHashAt(db, checkpointSeq);
  if (!head || head.seq < checkpointSeq) {
    throw new CheckpointConflictError(`the chain head (seq ${head?.seq ?? "none"}) is behind the checkpoint (seq ${current.seq})`);
  }
  if (checkpointSeq === head.seq && current.rowHash === head.rowHash) return current;
  if (rowHashAtSeq !== current.rowHash) throw new CheckpointConflictError(`row ${current.seq} no longer has the checkpointed hash`);
  return writeCheckpoint(head, settings);
}

export interface CheckpointSchedulerOptions {
  /** A client outside any transaction: the checkpoint must only ever name committed rows. */
  db: () => Queryable;
  settings: () => Promise<CheckpointSettings>;
  onError?: (error: unknown) => void;
  /** The least time between the starts of two writes; default none. */
  minIntervalMs?: number;
}

/**
 * The app's checkpoint trails the chain by at most about a second. Each write reads and verifies the
 * file, reads the chain, signs and fsyncs: done after every append, it cost more CPU than the
 * append itself (bench B1), and a checkpoint a second old protects the same history.
 */
export const APP_CHECKPOINT_MIN_INTERVAL_MS = 1_000;

/**
 * Coalesces checkpoint writes after appends: at most one write runs at a time, no sooner than
 * `minIntervalMs` after the last one started, and any number of appends meanwhile lead to one more
 * write, not one each. schedule() never throws and never waits.
 */
export class CheckpointScheduler {
  private running: Promise<void> | null = null;
  private requested = false;
  private lastWriteStartedAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: CheckpointSchedulerOptions) {}

  schedule(): void {
    this.requested = true;
    this.running ??= this.drain();
  }

  /** Resolves once every write requested so far has been attempted. */
  async whenIdle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    // Let the caller (and, when the append was part of a transaction, its commit) go first.
    await new Promise<void>((resolve) => setImmediate(resolve));
    try {
      while (this.requested) {
        const wait = this.lastWriteStartedAt + (this.options.minIntervalMs ?? 0) - performance.now();
        if (wait > 0) await new Promise<void>((resolve) => setTimeout(resolve, wait));
        this.requested = false;
        this.lastWriteStartedAt = performance.now();
        try {
          await advanceCheckpoint(this.options.db(), await this.options.settings());
        } catch (error) {
          (this.options.onError ?? reportCheckpointError)(error);
        }
      }
    } finally {
      this.running = null;
    }
  }
}

function reportCheckpointError(error: unknown): void {
  // Paths and sequence numbers only: nothing here is secret.
  console.error(`[audit] checkpoint not advanced: ${error instanceof Error ? error.message : String(error)}`);
}

function appCheckpointFile(): string {
  return path.resolve(getServerEnv().DOCKET_AUDIT_CHECKPOINT_FILE);
}

type CheckpointEnv = Pick<
  ServerEnv,
  "DOCKET_AUDIT_CHECKPOINT_FILE" | "DOCKET_AUDIT_SIGNING_KEY" | "DOCKET_AUDIT_VERIFY_KEY" | "DOCKET_AUDIT_ANCHOR_FILE" | "DOCKET_AUDIT_ANCHOR_URL"
>;

/**
 * From DOCKET_AUDIT_CHECKPOINT_FILE and DOCKET_AUDIT_SIGNING_KEY (else the generated key beside the
 * file), DOCKET_AUDIT_VERIFY_KEY and the anchors' DOCKET_AUDIT_ANCHOR_FILE and DOCKET_AUDIT_ANCHOR_URL.
 * Read once; a failure (a key file fixed by hand) is tried again on the next call.
 */
export function checkpointSettingsFrom(env: CheckpointEnv): () => Promise<CheckpointSettings> {
  let settings: Promise<CheckpointSettings> | undefined;
  return () => {
    settings ??= (async () => {
      const file = path.resolve(env.DOCKET_AUDIT_CHECKPOINT_FILE);
      const anchorTargets = { file: env.DOCKET_AUDIT_ANCHOR_FILE, url: env.DOCKET_AUDIT_ANCHOR_URL };
      return {
        file,
        signingKey: env.DOCKET_AUDIT_SIGNING_KEY ?? (await readOrCreateGeneratedSigningKey(file)),
        verifyKey: env.DOCKET_AUDIT_VERIFY_KEY,
        anchors: anchorTargets.file || anchorTargets.url ? new AnchorPublisher(anchorTargets) : undefined,
      };
    })().catch((error: unknown) => {
      settings = undefined;
      throw error;
    });
    return settings;
  };
}

let appSettings: (() => Promise<CheckpointSettings>) | undefined;

/** The web app's checkpoint settings, from its environment. */
export function appCheckpointSettings(): Promise<CheckpointSettings> {
  appSettings ??= checkpointSettingsFrom(getServerEnv());
  return appSettings();
}

const globalForCheckpoints = globalThis as typeof globalThis & { docketCheckpointScheduler?: CheckpointScheduler };

/** The app's scheduler (one per process, surviving dev-mode reloads like getDb()). */
export function appCheckpointScheduler(): CheckpointScheduler {
  globalForCheckpoints.docketCheckpointScheduler ??= new CheckpointScheduler({
    db: getDb,
    settings: appCheckpointSettings,
    minIntervalMs: APP_CHECKPOINT_MIN_INTERVAL_MS,
  });
  return globalForCheckpoints.docketCheckpointScheduler;
}
