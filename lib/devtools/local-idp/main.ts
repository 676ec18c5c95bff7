/** The local OpenID Provider as its own process (the demo and the end-to-end tests start it). */
import { startLocalIdp } from "./server";

const idp = await startLocalIdp({
  port: Number(process.env.LOCAL_IDP_PORT ?? 4011),
  appUrl: process.env.NEXTAUTH_URL ?? "http://localhost:3000",
  clientId: process.env.OIDC_CLIENT_ID ?? "docket",
  clientSecret: process.env.OIDC_CLIENT_SECRET ?? "docket-local-idp-secret",
  includeTestUsers: process.env.LOCAL_IDP_TEST_USERS === "1",
});
console.log(`Local OpenID Provider listening on ${idp.issuer}`);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void idp.close().then(() => process.exit(0)));
