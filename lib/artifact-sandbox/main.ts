/**
 * Starts the artifact sandbox origin. ARTIFACT_SANDBOX_APP_ORIGIN is Docket's own origin (the only
 * page allowed to frame the renderer and to send it an artifact); ARTIFACT_SANDBOX_HOST and
 * ARTIFACT_SANDBOX_PORT say where to listen. Must be reached under another site than Docket's.
 */
import type { AddressInfo } from "node:net";
import { z } from "zod";
import { createArtifactSandboxServer } from "./server";

const env = z
  .object({
    ARTIFACT_SANDBOX_APP_ORIGIN: z.url({ protocol: /^https?$/, error: "must be Docket's origin, an http(s) URL" }).transform((value) => new URL(value).origin),
    ARTIFACT_SANDBOX_HOST: z.string().min(1).default("127.0.0.1"),
    ARTIFACT_SANDBOX_PORT: z.coerce.number().int().min(0).max(65535).default(4012),
  })
  .safeParse(process.env);
if (!env.success) {
  console.error(`The artifact sandbox cannot start: ${env.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`).join("; ")}`);
  process.exit(1);
}
const { ARTIFACT_SANDBOX_APP_ORIGIN: appOrigin, ARTIFACT_SANDBOX_HOST: host, ARTIFACT_SANDBOX_PORT: port } = env.data;
const server = createArtifactSandboxServer(appOrigin);
server.listen(port, host, () => {
  console.log(`artifact sandbox listening on http://${host}:${(server.address() as AddressInfo).port} for ${appOrigin}`);
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.close(() => process.exit(0)));
