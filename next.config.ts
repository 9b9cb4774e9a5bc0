import type { NextConfig } from "next";

// The one module besides server/config that reads process.env (STYLE.md): build-time settings only.
const nextConfig: NextConfig = {
  distDir: process.env.SWITCHBOARD_DIST_DIR ?? ".next",
  poweredByHeader: false,
  // `npm test` runs tsc over the whole tree once; the build does not repeat it.
  typescript: { ignoreBuildErrors: true },
  reactStrictMode: true,
  serverExternalPackages: ["better-sqlite3", "playwright", "playwright-core", "ioredis", "pino", "oidc-provider"],
  experimental: {
    serverActions: {
      // Behind a reverse proxy, the public host must be listed or Next refuses the action (CSRF check).
      allowedOrigins: process.env.SWITCHBOARD_PUBLIC_HOST ? [process.env.SWITCHBOARD_PUBLIC_HOST] : [],
    },
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "SAMEORIGIN" },
        ],
      },
    ];
  },
};

export default nextConfig;
