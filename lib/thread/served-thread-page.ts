import type { ReactNode } from "react";
import { budgetUsedUpBy } from "@/lib/queries/api-fetch";
import type { ApiBudget } from "@/lib/schemas/api-budget";
import type { ChatThreadPage } from "@/lib/schemas/console";
import type { ThreadOpening } from "./thread-pages";

/** The openings a page address can ask for ("end" is only ever asked from the thread's own buttons). */
export type ServedOpening = Exclude<ThreadOpening, { kind: "end" }>;

/** A refusal as Docket's routes answer it (their error envelope and status), handed to the page instead. */
export interface ServedRefusal {
  status: number;
  code: string;
  message: string;
  requestId: string;
  upstreamRequestId: string | null;
  retryAfterSeconds: number | null;
}

/** The thread's opening page, read and audited on the server as the messages route would have answered it. */
export type ServedThreadPage = { ok: true; page: ChatThreadPage; budget: ApiBudget | null } | { ok: false; refusal: ServedRefusal };

/**
 * What the thread page hands its view: the opening page, and the markdown of its first screen formatted
 * on the server (in the order of textsFormattedOnServer), so that neither waits for the browser.
 */
export interface FirstThreadPage {
  served: ServedThreadPage;
  formattedTexts: ReactNode[];
}

/** Rows shown before the browser has taken over the page: enough to fill a tall screen with the shortest messages. */
export const FIRST_SCREEN_ROWS = 20;

/** The texts of the first screen that are shown as markdown (people's own messages are shown as typed). */
export function textsFormattedOnServer(page: ChatThreadPage): string[] {
  return page.messages
    .slice(0, FIRST_SCREEN_ROWS)
    .filter((message) => message.role !== "user")
    .flatMap((message) => message.blocks.flatMap((block) => (block.type === "text" ? [block.text] : [])));
}

/** The budget the page learnt with its opening page; a refusal for a used-up budget says so, as apiFetch does for its own. */
export function servedBudget(served: ServedThreadPage, now: Date): ApiBudget | null {
  return served.ok ? served.budget : budgetUsedUpBy(served.refusal.code, served.refusal.retryAfterSeconds, 0, now);
}
