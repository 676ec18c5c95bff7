/**
 * Next.js calls register() once when the server starts: an invalid environment stops start-up here.
 * Background work (deletion execution, expiry, the reconciler, collections) runs in the worker.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { validateEnvironmentOrExit } = await import("@/lib/server/startup");
    validateEnvironmentOrExit();
    const { stampPeerAddresses } = await import("@/lib/server/http/peer-address");
    stampPeerAddresses();
  }
}
