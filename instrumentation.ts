/**
 * Next.js calls register() once when the server starts: an invalid environment stops start-up here;
 * then the deletion maintenance (expiry, reconciler) starts in this process.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { validateEnvironmentOrExit } = await import("@/lib/server/startup");
    validateEnvironmentOrExit();
    const { startDeletionMaintenance } = await import("@/lib/server/deletion/scheduler");
    startDeletionMaintenance();
  }
}
