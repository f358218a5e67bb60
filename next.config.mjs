import "./src/env.js";
import { API_POLICY, COMMON_HEADERS, HSTS } from "./src/server/http/headers.js";

/** @type {import("next").NextConfig} */
const config = {
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "pdfkit", "svg-to-pdfkit"],
  typedRoutes: false,
  poweredByHeader: false,
  async headers() {
    return [
      { source: "/:path*", headers: COMMON_HEADERS },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_POLICY }] },
      {
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        headers: [{ key: "Strict-Transport-Security", value: HSTS }],
      },
    ];
  },
};

export default config;
