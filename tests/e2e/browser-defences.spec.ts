// What the browser itself is told to refuse, and what Docket refuses of the browser: reads that another
// site starts never reach a reviewer's audit trail.
import { SMALL_SEED_1_FILES } from "@/tests/support/simulator-ids";
import { expect, test } from "./support/fixtures";
import { stackInfo } from "./support/stack";

const { files: FILE } = SMALL_SEED_1_FILES;

test("a download another site starts is refused before it is read or audited, while the same link in Docket works", async ({
  page,
  signedInAs,
  auditRows,
  auditHead,
}) => {
  const { subject } = await signedInAs("reviewer");
  const downloadPath = `/api/files/${FILE.csv}/download`;
  const head = await auditHead();

  // A page of another site that links to a Docket download; the reviewer's session cookie (SameSite=Lax)
  // goes with a top-level navigation, so only Sec-Fetch-Site tells it apart.
  await page.route("http://elsewhere.test/", (route) =>
    route.fulfill({ contentType: "text/html", body: `<!doctype html><title>Invoice</title><a href="${stackInfo().appUrl}${downloadPath}">Your invoice</a>` }),
  );
  await page.goto("http://elsewhere.test/");
  const [refused] = await Promise.all([
    page.waitForResponse((response) => response.url().endsWith(downloadPath)),
    page.getByRole("link", { name: "Your invoice" }).click(),
  ]);
  expect(refused.status()).toBe(403);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("bad_origin");
  expect(await auditRows({ subject, afterSeq: head })).toEqual([]);

  // From Docket's own page the same file downloads, and is audited.
  await page.goto(`/files/${FILE.csv}`);
  const downloading = page.waitForEvent("download");
  await page
    .getByRole("link", { name: /download/i })
    .first()
    .click();
  await downloading;
  // A download is written ahead (intent), then its outcome.
  await expect
    .poll(async () => (await auditRows({ subject, afterSeq: head, action: "file.download" })).map((row) => row.outcome))
    .toEqual(["intent", "success"]);
});
