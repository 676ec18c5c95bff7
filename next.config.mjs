/**
 * Environment variables are validated at server start by instrumentation.ts (lib/server/env.ts), not here:
 * the build must not need secrets, and nothing from the environment is inlined into the bundle.
 * @type {import('next').NextConfig}
 */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  serverExternalPackages: ["pg", "@prisma/adapter-pg"],
  // zod without its `new Function` probe in the browser, which a strict CSP reports (lib/schemas/zod-in-browsers.ts).
  turbopack: { resolveAlias: { zod: { browser: "./lib/schemas/zod-in-browsers.ts" } } },
};

export default nextConfig;
