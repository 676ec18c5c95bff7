/** Next.js calls register() once when the server starts: an invalid environment stops start-up here. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getServerEnv, InvalidEnvironmentError } = await import("@/lib/server/env");
  try {
    getServerEnv();
  } catch (error) {
    if (error instanceof InvalidEnvironmentError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
