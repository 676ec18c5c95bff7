/**
 * `npm run bench:download`: B2 alone (tests/bench/scenarios/downloads.ts), a 1 GiB download through
 * Docket against the simulator directly and two bare proxies. A measurement, not a test: it never runs
 * in `npm test`. Needs a built app (`npx next build`); `npm run bench` runs it with the others.
 */
import { stopServicesOnSignals } from "@/lib/devtools/services";
import { benchDownloads } from "./scenarios/downloads";
import { assertBuilt, startBenchStack } from "./support/bench-stack";

assertBuilt("bench:download");
let bench: Awaited<ReturnType<typeof startBenchStack>> | null = null;
stopServicesOnSignals(async () => bench?.stop());
bench = await startBenchStack();
try {
  await benchDownloads(bench);
} finally {
  await bench.stop();
}
