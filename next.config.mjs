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
};

export default nextConfig;
