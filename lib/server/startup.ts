import "server-only";
import { getServerEnv, InvalidEnvironmentError } from "./env";

/** Stops the server at start-up when the environment is invalid, naming each problem. */
export function validateEnvironmentOrExit(): void {
  try {
    getServerEnv();
  } catch (error) {
    if (!(error instanceof InvalidEnvironmentError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
