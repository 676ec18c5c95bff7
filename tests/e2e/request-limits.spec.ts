// What a client cannot make Docket do with its own headers and bodies: choose the address the audit
// log records for it, or make a route hold an endless body.
import { request as httpRequest } from "node:http";
import { expect, test } from "./support/fixtures";
import { database, seedSession } from "./support/stack";

test("the audit log records the connection's address, not one a client claims in X-Forwarded-For", async ({ request }) => {
  const reviewer = await seedSession("reviewer");
  const response = await request.get("/api/organizations", {
    headers: { cookie: reviewer.cookie, "x-forwarded-for": "203.0.113.66", "x-real-ip": "203.0.113.67", "x-docket-peer": "203.0.113.68" },
  });
  expect(response.status()).toBe(200);
  const rows = await database().query<{ client_ip: string | null }>(
    "SELECT client_ip FROM audit_event WHERE action = 'organization.list' AND actor_subject = $1",
    [reviewer.subject],
  );
  expect(rows.rows).toEqual([{ client_ip: "127.0.0.1" }]);
});

test("a chunked body without a length is cut at the cap and answered 413", async ({ baseURL }) => {
  const reviewer = await seedSession("reviewer");
  const url = new URL("/api/deletions/prepare", baseURL);
  const answer = await new Promise<{ status: number; body: string; sent: number }>((resolve, reject) => {
    let sent = 0;
    const outgoing = httpRequest(
      url,
      { method: "POST", headers: { cookie: reviewer.cookie, origin: url.origin, "content-type": "application/json", "transfer-encoding": "chunked" } },
      (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body, sent }));
      },
    );
    outgoing.on("error", reject);
    // Up to 4 MiB, one 16 KiB chunk at a time; the server answers long before.
    const chunk = `"${"x".repeat(16 * 1024 - 2)}"`;
    const writeMore = () => {
      while (sent < 4 * 1024 * 1024) {
        sent += chunk.length;
        if (!outgoing.write(chunk)) return void outgoing.once("drain", writeMore);
      }
      outgoing.end();
    };
    outgoing.write('{"target":');
    writeMore();
  });
  expect(answer.status).toBe(413);
  expect(JSON.parse(answer.body)).toMatchObject({ error: { code: "payload_too_large" } });
});

test("one person past their requests a minute is answered 429 with when to retry; another person is not", async ({ request }) => {
  const busy = await seedSession("reviewer");
  const other = await seedSession("reviewer");
  const ask = (session: { cookie: string }) => request.get("/api/deletions/capability", { headers: { cookie: session.cookie } });
  let answer = await ask(busy);
  for (let sent = 1; answer.status() === 200 && sent <= 700; sent++) answer = await ask(busy);
  expect(answer.status()).toBe(429);
  const retryAfter = Number(answer.headers()["retry-after"]);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(((await answer.json()) as { error: { code: string; message: string } }).error).toMatchObject({
    code: "reviewer_rate_limited",
    message: expect.stringMatching(
      /^You have made 301 requests this minute, and Docket allows one person 300, so others can work too\. Try again in \d+ seconds?\.$/,
    ),
  });
  expect((await ask(other)).status()).toBe(200);
});
