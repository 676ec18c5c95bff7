import type { LaunchOptions } from "@playwright/test";

/**
 * Debian's Chromium (never a downloaded browser), kept quiet on a closed network: without the
 * background-networking flags it keeps trying to reach Google's hosts.
 */
export const CHROMIUM_LAUNCH_OPTIONS: LaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};
