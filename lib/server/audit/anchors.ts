import "server-only";

import { open } from "node:fs/promises";
import type { SignedCheckpoint } from "@/lib/schemas/audit-event";

// Anchors: copies of the signed checkpoint sent out of the app host's reach, to a file on another
// mount (opened for appending only) and/or an HTTP endpoint of the operator's choice (a SIEM, WORM
// storage behind a gateway). Whoever takes the database and the host can rewrite the chain and the
// local checkpoint together, but not the anchors already sent; `npm run audit:verify -- --anchors
// FILE` checks the chain against every one of them (verify-anchors.ts).

export interface AnchorTargets {
  /** Appended one JSON line per anchor, fsynced. */
  file?: string | undefined;
  /** POSTed each anchor as JSON; a non-2xx answer is a failure. */
  url?: string | undefined;
}

/** An anchor a minute is enough to pin history; the local checkpoint trails the chain by a second. */
export const ANCHOR_MIN_INTERVAL_MS = 60_000;
const POST_TIMEOUT_MS = 10_000;

export async function sendAnchor(checkpoint: SignedCheckpoint, targets: AnchorTargets): Promise<void> {
  const line = `${JSON.stringify(checkpoint)}\n`;
  const failures: string[] = [];
  if (targets.file) {
    try {
      const handle = await open(targets.file, "a", 0o640);
      try {
        await handle.writeFile(line, "utf8");
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch (error) {
      failures.push(`${targets.file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (targets.url) {
    const target = new URL(targets.url);
    try {
      const response = await fetch(target, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: line,
        redirect: "error",
        signal: AbortSignal.timeout(POST_TIMEOUT_MS),
      });
      await response.body?.cancel();
      if (!response.ok) failures.push(`${target.origin}: answered ${response.status}`);
    } catch (error) {
      failures.push(`${target.origin}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (failures.length > 0) throw new Error(`audit anchor seq ${checkpoint.seq} not sent to ${failures.join("; ")}`);
}

/**
 * Sends the newest checkpoint offered, at most once per `minIntervalMs`, and the last one offered
 * within an interval when it ends, so the tail is anchored even if appends stop. Never throws.
 */
export class AnchorPublisher {
  private latest: SignedCheckpoint | null = null;
  private lastSentSeq: string | null = null;
  private lastSentAt = Number.NEGATIVE_INFINITY;
  private timer: NodeJS.Timeout | null = null;
  private sending: Promise<void> | null = null;

  constructor(
    private readonly targets: AnchorTargets,
    private readonly options: { minIntervalMs?: number; onError?: (error: unknown) => void } = {},
  ) {}

  offer(checkpoint: SignedCheckpoint): void {
    this.latest = checkpoint;
    if (this.timer || this.sending) return;
    const wait = Math.max(0, this.lastSentAt + (this.options.minIntervalMs ?? ANCHOR_MIN_INTERVAL_MS) - performance.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      this.sending = this.sendLatest().finally(() => {
        this.sending = null;
        if (this.latest && this.latest.seq !== this.lastSentSeq) this.offer(this.latest);
      });
    }, wait);
    this.timer.unref();
  }

  /** Resolves once the anchors offered so far have been sent or have failed. */
  async whenIdle(): Promise<void> {
    while (this.timer || this.sending) {
      if (this.timer) {
        clearTimeout(this.timer);
        this.timer = null;
        this.sending = this.sendLatest().finally(() => (this.sending = null));
      }
      await this.sending;
    }
  }

  private async sendLatest(): Promise<void> {
    const checkpoint = this.latest;
    if (!checkpoint || checkpoint.seq === this.lastSentSeq) return;
    this.lastSentAt = performance.now();
    try {
      await sendAnchor(checkpoint, this.targets);
      this.lastSentSeq = checkpoint.seq;
    } catch (error) {
      (this.options.onError ?? ((failure: unknown) => console.error(`[audit] ${failure instanceof Error ? failure.message : String(failure)}`)))(error);
    }
  }
}
