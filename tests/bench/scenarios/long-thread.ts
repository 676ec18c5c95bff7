/**
 * B3: the 10,000-message chat in headless Chromium (Debian's, as the end-to-end tests drive it). Each
 * side is opened five times in a fresh browser context (after one unmeasured opening), the two sides
 * in turn, to time the first message row painted; then once more to scroll from the first message to
 * the last, one screen per animation frame (so every row is rendered once, as a reviewer holding Page
 * Down would), recording long tasks ('longtask' PerformanceObserver entries, 50 ms and over) and the
 * most message rows mounted at any frame. Docket's side is the thread view: its first page comes with
 * the page itself (read and audited on the server), the other ninety-nine through Docket's API, each
 * one audited; the baseline is the bare Next.js app's /long-list: the same texts, as plain text rows,
 * in the same virtualiser, from one static file.
 */
import type { Browser, BrowserContext } from "@playwright/test";
import { z } from "zod";
import { SIMULATOR_HEADERS, type BenchStack } from "../support/bench-stack";
import { figureMaker, type Figure } from "../support/report";
import { median } from "../support/stats";

const OPENINGS = 5;
const SCROLL_TIMEOUT_MS = 10 * 60_000;
const TARGETS = { openRatio: 1.5, longestTaskMs: 200, mountedRows: 200 };

/** One message as the bare list shows it: its id, its role and its text. */
export type LongThreadRow = { id: string; role: string; text: string };

const SimulatorMessages = z.object({
  chat_messages: z.array(
    z.object({
      id: z.string(),
      role: z.string(),
      content: z.array(
        z.looseObject({
          type: z.string(),
          text: z.string().nullish(),
          name: z.string().nullish(),
          input: z.unknown().optional(),
          content: z.array(z.looseObject({ text: z.string().nullish() })).nullish(),
        }),
      ),
    }),
  ),
});

/** The long chat's messages straight from the simulator (no limit: the API then returns them all). */
export async function readLongThread(bench: BenchStack): Promise<LongThreadRow[]> {
  const url = new URL(`/v1/compliance/apps/chats/${bench.fixtures.longChat.id}/messages`, bench.simulatorUrl);
  const response = await fetch(url, { headers: SIMULATOR_HEADERS });
  if (!response.ok) throw new Error(`The simulator answered ${response.status} for the long chat's messages.`);
  const { chat_messages: messages } = SimulatorMessages.parse(await response.json());
  return messages.map((message) => ({
    id: message.id,
    role: message.role,
    text: message.content
      .map(
        (block) =>
          block.text ??
          (block.type === "tool_use" ? `${block.name ?? ""} ${JSON.stringify(block.input)}` : (block.content ?? []).map((item) => item.text ?? "").join("\n")),
      )
      .join("\n\n"),
  }));
}

// Page scripts are plain strings: functions compiled by tsx would carry helpers the page does not have.

/** Installed before any page script: records long tasks, and when the first visible message row was painted. */
const OBSERVE = `
  window.__bench = { firstRowPaintedAt: null, longTasks: [] };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__bench.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: "longtask", buffered: true });
  const rowObserver = new MutationObserver(() => {
    // Streamed HTML can hold rows in a hidden container until the rest of the page reveals them: only a row that shows counts.
    if (![...document.querySelectorAll("[data-message-id]")].some((row) => row.checkVisibility())) return;
    rowObserver.disconnect();
    // Painted once the frame that lays it out has run: the next task after the next animation frame.
    requestAnimationFrame(() => setTimeout(() => { window.__bench.firstRowPaintedAt = performance.now(); }, 0));
  });
  rowObserver.observe(document, { childList: true, subtree: true });
`;

/** Scrolls one screen per animation frame until the last message is mounted at the bottom. */
const scrollToEnd = (lastId: string) => `
  new Promise((resolve, reject) => {
    const scroller = document.querySelector('[data-testid="thread-scroller"]');
    const started = performance.now();
    window.__bench.scrollStartedAt = started;
    let mostRows = 0;
    let frames = 0;
    const step = () => {
      frames += 1;
      mostRows = Math.max(mostRows, scroller.querySelectorAll("[data-message-id]").length);
      const atBottom = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 2;
      if (atBottom && scroller.querySelector('[data-message-id="' + CSS.escape(${JSON.stringify(lastId)}) + '"]')) {
        return resolve({ ms: performance.now() - started, mostRows, frames });
      }
      if (performance.now() - started > ${SCROLL_TIMEOUT_MS}) return reject(new Error("the last message was not reached"));
      scroller.scrollTop += scroller.clientHeight;
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  })
`;

const PageState = z.object({
  firstRowPaintedAt: z.number().nullable(),
  scrollStartedAt: z.number().optional(),
  longTasks: z.array(z.object({ start: z.number(), duration: z.number() })),
});
const ScrollResult = z.object({ ms: z.number(), mostRows: z.number(), frames: z.number() });

interface Side {
  url: string;
  cookie: { name: string; value: string } | null;
}

async function openPage(
  browser: Browser,
  side: Side,
): Promise<{ context: BrowserContext; page: Awaited<ReturnType<BrowserContext["newPage"]>>; firstRowPaintedAt: number }> {
  const context = await browser.newContext();
  if (side.cookie) await context.addCookies([{ ...side.cookie, url: new URL(side.url).origin }]);
  const page = await context.newPage();
  await page.addInitScript(OBSERVE);
  await page.goto(side.url, { waitUntil: "commit" });
  await page.waitForFunction("window.__bench && window.__bench.firstRowPaintedAt !== null", undefined, { timeout: 60_000 });
  const state = PageState.parse(await page.evaluate("window.__bench"));
  return { context, page, firstRowPaintedAt: state.firstRowPaintedAt! };
}

/** When each side's first row was painted, opening by opening; the sides take turns, so that a burst of load on a shared machine falls on both. */
async function measureOpenings(browser: Browser, sides: readonly Side[]): Promise<number[][]> {
  const openings = sides.map((): number[] => []);
  for (let index = 0; index <= OPENINGS; index++) {
    for (const [sideIndex, side] of sides.entries()) {
      const { context, firstRowPaintedAt } = await openPage(browser, side);
      if (index > 0) openings[sideIndex]!.push(firstRowPaintedAt);
      await context.close();
    }
  }
  return openings;
}

async function measureScroll(browser: Browser, side: Side, lastId: string) {
  const { context, page } = await openPage(browser, side);
  try {
    const scroll = ScrollResult.parse(await page.evaluate(scrollToEnd(lastId)));
    const state = PageState.parse(await page.evaluate("window.__bench"));
    const longest = (tasks: typeof state.longTasks) => Math.max(0, ...tasks.map((task) => task.duration));
    const whileOpening = state.longTasks.filter((task) => task.start < state.scrollStartedAt!);
    const whileScrolling = state.longTasks.filter((task) => task.start >= state.scrollStartedAt!);
    return {
      scrollMs: scroll.ms,
      frames: scroll.frames,
      mostRows: scroll.mostRows,
      longestTaskOpeningMs: longest(whileOpening),
      longestTaskScrollingMs: longest(whileScrolling),
      longTasksScrolling: whileScrolling.length,
      longTasks: state.longTasks,
    };
  } finally {
    await context.close();
  }
}

export async function benchLongThread(
  bench: BenchStack,
  browser: Browser,
  bareAppUrl: string,
  thread: readonly LongThreadRow[],
): Promise<{ figures: Figure[]; details: unknown }> {
  const lastId = thread.at(-1)!.id;
  const [name, value] = bench.cookies.reviewer.split("=") as [string, string];
  const docketSide: Side = { url: `${bench.stack.appUrl}/chats/${bench.fixtures.longChat.id}`, cookie: { name, value } };
  const bareSide: Side = { url: `${bareAppUrl}/long-list`, cookie: null };
  console.log(`  opening Docket's /chats/${bench.fixtures.longChat.id} (${thread.length} messages) and the bare app's /long-list in turn…`);
  const [docketOpenings, bareOpenings] = (await measureOpenings(browser, [docketSide, bareSide])) as [number[], number[]];
  console.log("  Docket: scrolling to the last message…");
  const docket = { firstRowPaintedMs: median(docketOpenings), openings: docketOpenings, ...(await measureScroll(browser, docketSide, lastId)) };
  console.log("  baseline: scrolling to the last message…");
  const bare = { firstRowPaintedMs: median(bareOpenings), openings: bareOpenings, ...(await measureScroll(browser, bareSide, lastId)) };
  const figure = figureMaker("B3");
  return {
    figures: [
      figure(
        "first message painted (median of 5)",
        docket.firstRowPaintedMs,
        bare.firstRowPaintedMs,
        "ms",
        "ratio",
        `≤ ×${TARGETS.openRatio}`,
        docket.firstRowPaintedMs <= TARGETS.openRatio * bare.firstRowPaintedMs,
      ),
      figure(
        "longest task while opening",
        docket.longestTaskOpeningMs,
        bare.longestTaskOpeningMs,
        "ms",
        "difference",
        `≤ ${TARGETS.longestTaskMs} ms`,
        docket.longestTaskOpeningMs <= TARGETS.longestTaskMs,
      ),
      figure("scroll to the last message", docket.scrollMs, bare.scrollMs, "ms", "ratio", "", null),
      figure(
        "longest task while scrolling",
        docket.longestTaskScrollingMs,
        bare.longestTaskScrollingMs,
        "ms",
        "difference",
        `≤ ${TARGETS.longestTaskMs} ms`,
        docket.longestTaskScrollingMs <= TARGETS.longestTaskMs,
      ),
      figure("long tasks (≥ 50 ms) while scrolling", docket.longTasksScrolling, bare.longTasksScrolling, "", "difference", "", null),
      figure("most message rows mounted", docket.mostRows, bare.mostRows, "", "difference", `< ${TARGETS.mountedRows}`, docket.mostRows < TARGETS.mountedRows),
    ],
    details: { messages: thread.length, docket, baseline: bare },
  };
}
