/**
 * B4: the JavaScript each console route makes Chromium download, gzipped, against a bare Next.js page
 * built with the same Next.js. Each route is opened in a fresh browser context (a cold cache) and left
 * to settle (no request for 500 ms); every script response is gzipped here at the default level, so the
 * figure does not depend on whether the server compressed it. The inline RSC payload in the HTML is
 * data, not code, and is not counted.
 */
import { gzipSync } from "node:zlib";
import type { Browser } from "@playwright/test";
import { reviewedOrganization, type BenchStack } from "../support/bench-stack";
import type { Figure } from "../support/report";

const TARGET_ABOVE_BARE_KB = 120;
/**
 * Pages that draw a chart load the chart library too (and only they do): they are held to the list
 * page they extend, the custodians list, plus this much for the library and their own code.
 */
const CHART_TARGET_ABOVE_LIST_KB = 30;
const kB = 1000;

interface ScriptWeight {
  url: string;
  bytes: number;
  gzipBytes: number;
}

async function scriptsOf(browser: Browser, url: string, cookie: { name: string; value: string } | null): Promise<ScriptWeight[]> {
  const context = await browser.newContext();
  try {
    if (cookie) await context.addCookies([{ ...cookie, url: new URL(url).origin }]);
    const page = await context.newPage();
    const weights: Array<Promise<ScriptWeight>> = [];
    const failedCalls: string[] = [];
    page.on("response", (response) => {
      if (response.status() >= 400) failedCalls.push(`${response.status()} ${new URL(response.url()).pathname}`);
      if (response.request().resourceType() !== "script") return;
      weights.push(response.body().then((body) => ({ url: response.url(), bytes: body.length, gzipBytes: gzipSync(body).length })));
    });
    const response = await page.goto(url, { waitUntil: "networkidle" });
    const requested = new URL(url);
    const landed = new URL(page.url());
    if (response?.status() !== 200 || landed.pathname !== requested.pathname || failedCalls.length > 0) {
      throw new Error(
        `${requested.pathname} answered ${response?.status()} at ${landed.pathname} (${failedCalls.join(", ")}): the route was not measured as a signed-in user sees it.`,
      );
    }
    return await Promise.all(weights);
  } finally {
    await context.close();
  }
}

const total = (scripts: readonly ScriptWeight[]) => scripts.reduce((sum, script) => sum + script.gzipBytes, 0) / kB;

export async function benchFrontEndWeight(bench: BenchStack, browser: Browser, bareAppUrl: string): Promise<{ figures: Figure[]; details: unknown }> {
  const { fixtures } = bench;
  const org = reviewedOrganization(fixtures);
  const artifact = fixtures.artifactsChat.artifacts.find((candidate) => candidate.type.includes("code")) ?? fixtures.artifactsChat.artifacts[0]!;
  const file = fixtures.uploadedFiles.csv ?? Object.values(fixtures.uploadedFiles)[0]!;
  const routes = [
    { name: "custodians", path: `/custodians?org=${org}` },
    { name: "chats", path: `/chats?org=${org}` },
    { name: "a thread", path: `/chats/${fixtures.toolsChat}` },
    { name: "a file", path: `/files/${file}` },
    { name: "an artifact", path: `/artifacts/${artifact.versionIds.at(-1)!}` },
    { name: "projects", path: `/projects?org=${org}` },
    { name: "audit", path: "/audit" },
  ];
  const chartRoutes = [
    { name: "activity", path: "/activity" },
    { name: "a custodian", path: `/custodians/${fixtures.userWithManyChats.id}` },
  ];
  const [name, value] = bench.cookies.reviewerAndAuditor.split("=") as [string, string];
  const bare = await scriptsOf(browser, `${bareAppUrl}/`, null);
  const bareKb = total(bare);
  console.log(`  bare Next.js page: ${bareKb.toFixed(1)} kB gzipped in ${bare.length} scripts`);
  const figures: Figure[] = [];
  const details: Array<{ route: string; path: string; scripts: ScriptWeight[] }> = [{ route: "bare Next.js page", path: "/", scripts: bare }];
  for (const route of routes) {
    const scripts = await scriptsOf(browser, `${bench.stack.appUrl}${route.path}`, { name, value });
    const routeKb = total(scripts);
    console.log(`  ${route.name}: ${routeKb.toFixed(1)} kB gzipped in ${scripts.length} scripts`);
    figures.push({
      benchmark: "B4",
      name: `${route.name}: JavaScript, gzipped`,
      docket: routeKb,
      baseline: bareKb,
      unit: "kB",
      compare: "difference",
      target: `≤ +${TARGET_ABOVE_BARE_KB} kB`,
      meets: routeKb - bareKb <= TARGET_ABOVE_BARE_KB,
    });
    details.push({ route: route.name, path: route.path, scripts });
  }
  const listKb = total(details.find((detail) => detail.route === "custodians")!.scripts);
  for (const route of chartRoutes) {
    const scripts = await scriptsOf(browser, `${bench.stack.appUrl}${route.path}`, { name, value });
    const routeKb = total(scripts);
    console.log(`  ${route.name} (draws a chart): ${routeKb.toFixed(1)} kB gzipped in ${scripts.length} scripts`);
    figures.push({
      benchmark: "B4",
      name: `${route.name}, with its chart: JavaScript, gzipped, against the custodians list`,
      docket: routeKb,
      baseline: listKb,
      unit: "kB",
      compare: "difference",
      target: `≤ +${CHART_TARGET_ABOVE_LIST_KB} kB`,
      meets: routeKb - listKb <= CHART_TARGET_ABOVE_LIST_KB,
    });
    details.push({ route: route.name, path: route.path, scripts });
  }
  return { figures, details };
}
